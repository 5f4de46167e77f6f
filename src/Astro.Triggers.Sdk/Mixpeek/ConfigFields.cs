using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Reads the known fields of an action or schedule config and keeps the rest, so a field the SDK does not
/// know yet survives a read → update round trip. Works on a copy: the caller's object is never changed.
/// A known field of the wrong JSON type throws (InvalidOperationException/FormatException), which the parsers turn
/// into the Custom* fallback rather than failing the whole response.</summary>
internal sealed class ConfigFields(JsonObject? source)
{
    private readonly JsonObject _rest = source is null ? [] : (JsonObject)source.DeepClone();

    public string? String(string name) => Take(name, node => node.GetValue<string>());

    public int? Int(string name) => Take<int?>(name, node => node.GetValue<int>());

    public double? Double(string name) => Take<double?>(name, node => node.GetValue<double>());

    public bool? Bool(string name) => Take<bool?>(name, node => node.GetValue<bool>());

    public JsonObject? Object(string name) => Take(name, node => node.AsObject());

    public List<string>? Strings(string name) =>
        Take(name, node => node.AsArray().Select(item => item?.GetValue<string>() ?? throw new FormatException($"'{name}' holds a null.")).ToList());

    public TimeSpan? Seconds(string name) => Int(name) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } value ? value : throw new FormatException($"'{name}' is missing.");

    /// <summary>Moves every field not read above into <paramref name="target"/>.</summary>
    public void MoveRestTo(JsonObject target)
    {
        foreach (var name in _rest.Select(pair => pair.Key).ToList())
        {
            var node = _rest[name];
            _rest.Remove(name);
            target[name] = node;
        }
    }

    /// <summary>Reads a wire config into a typed kind and keeps the fields it did not read in
    /// <paramref name="additionalOf"/>; a config that does not fit (missing or mistyped field) gives
    /// <paramref name="fallback"/> with the config untouched instead of an exception.</summary>
    public static T Read<T>(JsonObject? config, Func<ConfigFields, T> read, Func<T, JsonObject> additionalOf, Func<T> fallback)
    {
        var fields = new ConfigFields(config);
        try
        {
            var value = read(fields);
            fields.MoveRestTo(additionalOf(value));
            return value;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return fallback();
        }
    }

    /// <summary>Writes the typed fields, then every additional field whose name the typed ones did not take.</summary>
    public static JsonObject Compose(Action<JsonObject> writeKnown, JsonObject additional)
    {
        var json = new JsonObject();
        writeKnown(json);
        foreach (var (name, value) in additional)
        {
            if (!json.ContainsKey(name))
            {
                json[name] = value?.DeepClone();
            }
        }

        return json;
    }

    private T? Take<T>(string name, Func<JsonNode, T> read)
    {
        if (!_rest.TryGetPropertyValue(name, out var node))
        {
            return default;
        }

        var value = node is null ? default : read(node);
        _rest.Remove(name);
        return value;
    }
}
