using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>What a trigger runs: the wire's <c>action_type</c> with its <c>action_config</c>, typed. Use
/// <see cref="ClusterAction"/>, <see cref="TaxonomyEnrichmentAction"/>, <see cref="BatchRerunAction"/>,
/// <see cref="CollectionTriggerAction"/>, or <see cref="CustomTriggerAction"/> for a type this SDK does not know yet.
/// A trigger read from the service whose type is unknown (or whose config does not fit its type) comes back as a
/// <see cref="CustomTriggerAction"/> with the config untouched.</summary>
public abstract class TriggerAction
{
    private protected TriggerAction(string actionType)
    {
        ActionType = actionType;
    }

    /// <summary>The wire name of the action type, e.g. "cluster".</summary>
    public string ActionType { get; }

    /// <summary>Config fields the typed properties do not cover. They are sent as they are (a typed property of
    /// the same name wins) and filled with the unknown fields of a config read from the service.</summary>
    public JsonObject AdditionalProperties { get; } = [];

    /// <summary>The <c>action_config</c> object as it is sent.</summary>
    /// <returns>A new JSON object (snake_case names).</returns>
    public JsonObject ToConfig() => ConfigFields.Compose(WriteFields, AdditionalProperties);

    /// <summary>Reads a wire action; never throws: what does not fit a known type is kept as a custom action.</summary>
    internal static TriggerAction FromWire(string? actionType, JsonObject? config) =>
        ConfigFields.Read<TriggerAction>(
            config,
            fields => actionType switch
            {
                ClusterAction.TypeName => ClusterAction.Read(fields),
                TaxonomyEnrichmentAction.TypeName => TaxonomyEnrichmentAction.Read(fields),
                BatchRerunAction.TypeName => BatchRerunAction.Read(fields),
                CollectionTriggerAction.TypeName => CollectionTriggerAction.Read(fields),
                _ => new CustomTriggerAction(actionType ?? string.Empty, null, validateType: false),
            },
            action => action.AdditionalProperties,
            () => new CustomTriggerAction(actionType ?? string.Empty, config, validateType: false));

    /// <summary>Checks the values before a request is sent.</summary>
    /// <param name="path">The argument path for messages, e.g. "trigger.Action".</param>
    internal virtual void Validate(string path)
    {
    }

    private protected abstract void WriteFields(JsonObject config);

    private protected static void Positive(int? value, string path)
    {
        if (value is { } number)
        {
            Guard.InRange(number, 1, int.MaxValue, path);
        }
    }
}
