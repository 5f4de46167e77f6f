using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>A schedule type this SDK has no class for: the type name and its config as JSON, sent and read
/// exactly as they are.</summary>
public sealed class CustomTriggerSchedule : TriggerSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="triggerType">The wire name of the type (<c>trigger_type</c>).</param>
    /// <param name="config">The whole <c>schedule_config</c>; copied. Later changes go to <see cref="TriggerSchedule.AdditionalProperties"/>.</param>
    /// <exception cref="ArgumentException">The type is empty or has control characters.</exception>
    public CustomTriggerSchedule(string triggerType, JsonObject? config = null)
        : this(triggerType, config, validateType: true)
    {
    }

    internal CustomTriggerSchedule(string triggerType, JsonObject? config, bool validateType)
        : base(validateType ? Guard.NotNullOrWhiteSpace(triggerType) : triggerType)
    {
        new ConfigFields(config).MoveRestTo(AdditionalProperties);
    }

    private protected override void WriteFields(JsonObject config)
    {
    }
}
