using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>An action type this SDK has no class for (the service adds types over time): the type name and its
/// config as JSON, sent and read exactly as they are.</summary>
public sealed class CustomTriggerAction : TriggerAction
{
    /// <summary>Creates the action.</summary>
    /// <param name="actionType">The wire name of the type (<c>action_type</c>).</param>
    /// <param name="config">The whole <c>action_config</c>; copied. Later changes go to <see cref="TriggerAction.AdditionalProperties"/>.</param>
    /// <exception cref="ArgumentException">The type is empty or has control characters.</exception>
    public CustomTriggerAction(string actionType, JsonObject? config = null)
        : this(actionType, config, validateType: true)
    {
    }

    internal CustomTriggerAction(string actionType, JsonObject? config, bool validateType)
        : base(validateType ? Guard.NotNullOrWhiteSpace(actionType) : actionType)
    {
        new ConfigFields(config).MoveRestTo(AdditionalProperties);
    }

    private protected override void WriteFields(JsonObject config)
    {
    }
}
