using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>One typed config on the wire as two sibling fields (type name + config object). Deserialization fills
/// the two raw fields; the typed value is built from them on first use. Setting the typed value makes the raw
/// fields follow it, so a model serializes what its typed properties say.</summary>
internal sealed class ConfigSlot<T>(Func<string?, JsonObject?, T> parse, Func<T, string> typeOf, Func<T, JsonObject> configOf)
    where T : class
{
    private string? _type;
    private JsonObject? _config;
    private T? _typed;

    public T Typed
    {
        get => _typed ??= parse(_type, _config);
        set => _typed = value;
    }

    public string? Type
    {
        get => _typed is null ? _type : typeOf(_typed);
        set
        {
            _type = value;
            _typed = null;
        }
    }

    public JsonObject? Config
    {
        get => _typed is null ? _config : configOf(_typed);
        set
        {
            _config = value;
            _typed = null;
        }
    }

    public static ConfigSlot<TriggerAction> ForAction() =>
        new(TriggerAction.FromWire, a => a.ActionType, a => a.ToConfig());

    public static ConfigSlot<TriggerSchedule> ForSchedule() =>
        new(TriggerSchedule.FromWire, s => s.TriggerType, s => s.ToConfig());
}
