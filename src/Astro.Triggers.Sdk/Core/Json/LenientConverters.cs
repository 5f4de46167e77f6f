using System.Globalization;
using System.Text.Json;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>The lenient readers for the scalar types our models use; each reads exactly what the context's own
/// converter reads (timestamps as UTC, integers in any number form) and reports anything else.</summary>
internal static class LenientConverters
{
    /// <summary>A lenient converter for a property of this type, or null when the type is not a lenient scalar.</summary>
    public static System.Text.Json.Serialization.JsonConverter? For(Type propertyType, string typeName, string wireName, Func<object, object?>? extensionData)
    {
        LenientSite Site(string expected) => new(typeName, wireName, expected, extensionData);
        if (propertyType == typeof(DateTimeOffset?))
        {
            return new Timestamp(Site("ISO-8601 timestamp"));
        }

        if (propertyType == typeof(int?))
        {
            return new Int32(Site("32-bit integer"));
        }

        if (propertyType == typeof(long?))
        {
            return new Int64(Site("64-bit integer"));
        }

        // A non-nullable optional count of a hand-written model (the generator makes optional values nullable) reads
        // as its default, 0, when it does not parse: the response is kept as for a nullable one.
        if (propertyType == typeof(long))
        {
            return new Int64Value(Site("64-bit integer"));
        }

        if (propertyType == typeof(int))
        {
            return new Int32Value(Site("32-bit integer"));
        }

        if (propertyType == typeof(double?))
        {
            return new Double(Site("number"));
        }

        if (propertyType == typeof(bool?))
        {
            return new Boolean(Site("boolean"));
        }

        return propertyType == typeof(string) ? new Text(Site("string")) : null;
    }

    private sealed class Timestamp(LenientSite site) : LenientValueConverter<DateTimeOffset?>(site)
    {
        private static readonly UtcTimestampConverter Inner = new();

        protected override bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out DateTimeOffset? value)
        {
            value = Inner.Read(ref reader, typeof(DateTimeOffset), options);
            return true;
        }
    }

    private sealed class Int32(LenientSite site) : LenientValueConverter<int?>(site)
    {
        protected override bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out int? value)
        {
            value = (int)WholeNumber.Read(ref reader, int.MinValue, int.MaxValue, "a 32-bit integer");
            return true;
        }
    }

    private sealed class Int64(LenientSite site) : LenientValueConverter<long?>(site)
    {
        protected override bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out long? value)
        {
            value = WholeNumber.Read(ref reader, long.MinValue, long.MaxValue, "a 64-bit integer");
            return true;
        }
    }

    private sealed class Int64Value(LenientSite site) : LenientValueConverter<long>(site)
    {
        // A null is as unreadable as a string for a value that cannot hold it: read as 0 and reported, not thrown.
        public override bool HandleNull => true;

        protected override bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out long value)
        {
            value = WholeNumber.Read(ref reader, long.MinValue, long.MaxValue, "a 64-bit integer");
            return true;
        }
    }

    private sealed class Int32Value(LenientSite site) : LenientValueConverter<int>(site)
    {
        public override bool HandleNull => true;

        protected override bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out int value)
        {
            value = (int)WholeNumber.Read(ref reader, int.MinValue, int.MaxValue, "a 32-bit integer");
            return true;
        }
    }

    private sealed class Double(LenientSite site) : LenientValueConverter<double?>(site)
    {
        protected override bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out double? value)
        {
            value = null;
            if (reader.TokenType == JsonTokenType.Number)
            {
                value = reader.GetDouble();
                return true;
            }

            // The web defaults read quoted numbers; keep doing so.
            if (reader.TokenType == JsonTokenType.String
                && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
                return true;
            }

            return false;
        }
    }

    private sealed class Boolean(LenientSite site) : LenientValueConverter<bool?>(site)
    {
        protected override bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out bool? value)
        {
            value = reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => null,
            };
            return value is not null;
        }
    }

    /// <summary>A number or boolean where text is expected reads as its JSON text (an id sent as 7 reads "7"):
    /// nothing is lost, so nothing is reported. An object or array is reported.</summary>
    private sealed class Text(LenientSite site) : LenientValueConverter<string?>(site)
    {
        protected override bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, out string? value) =>
            WireRead.Text(ref reader, out value);
    }
}
