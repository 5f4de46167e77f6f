using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Reads ISO-8601 timestamps as UTC. Python services (Mixpeek) often send naive timestamps without an
/// offset; the default converter would read those in the machine's local zone, shifting every value by the
/// machine's offset. A value with an offset is converted to UTC; one without is taken as UTC.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO-8601 timestamp string, found {reader.TokenType}.");
        }

        var text = reader.GetString();
        return TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not an ISO-8601 timestamp.");
    }

    /// <summary>The one parse rule, shared with the generated model readers (WireRead).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime());
}
