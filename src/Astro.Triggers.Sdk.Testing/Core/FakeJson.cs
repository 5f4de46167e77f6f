using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>Reading request bodies the way a strict service does: wrong JSON types are rejections naming the field.</summary>
internal static class FakeJson
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Timestamp(DateTimeOffset? value) => value is { } v ? Timestamp(v) : null;

    /// <summary>The body as an object; <paramref name="invalid"/> builds the service's rejection.</summary>
    public static JsonObject Object(FakeRequest request, Func<string, string, FakeRejection> invalid) =>
        request.Json as JsonObject ?? throw invalid("body", "The request body must be a JSON object.");

    public static string? OptionalString(JsonObject body, string name, string path, Func<string, string, FakeRejection> invalid)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw invalid(path, $"{path} must be a string.");
    }

    public static string RequiredString(JsonObject body, string name, string path, Func<string, string, FakeRejection> invalid)
    {
        var value = OptionalString(body, name, path, invalid);
        return string.IsNullOrWhiteSpace(value) ? throw invalid(path, $"{path} is required and must not be empty.") : value;
    }

    public static long? OptionalInteger(JsonObject body, string name, string path, Func<string, string, FakeRejection> invalid)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out var value)
            ? value
            : throw invalid(path, $"{path} must be an integer.");
    }

    public static double? OptionalNumber(JsonObject body, string name, string path, Func<string, string, FakeRejection> invalid)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number
            ? node.GetValue<double>()
            : throw invalid(path, $"{path} must be a number.");
    }

    public static bool? OptionalBoolean(JsonObject body, string name, string path, Func<string, string, FakeRejection> invalid)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? node.GetValue<bool>()
            : throw invalid(path, $"{path} must be a boolean.");
    }

    public static JsonObject? OptionalObject(JsonObject body, string name, string path, Func<string, string, FakeRejection> invalid)
    {
        var node = body[name];
        return node switch
        {
            null => null,
            JsonObject o => o,
            _ => throw invalid(path, $"{path} must be an object."),
        };
    }

    public static JsonArray? OptionalArray(JsonObject body, string name, string path, Func<string, string, FakeRejection> invalid)
    {
        var node = body[name];
        return node switch
        {
            null => null,
            JsonArray a => a,
            _ => throw invalid(path, $"{path} must be an array."),
        };
    }

    public static bool IsAbsoluteHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>A deep copy, so state the fake keeps never aliases a request's or response's tree.</summary>
    public static T Copy<T>(T node)
        where T : JsonNode => (T)node.DeepClone();
}
