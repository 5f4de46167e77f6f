using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Reads an integer written in any JSON number form. Python services serialise whole numbers as floats
/// (TrueFoundry's epoch milliseconds arrive as <c>1767225600000.0</c> or <c>1.7672256E12</c>), which the built-in
/// integer converters refuse. A quoted number is accepted too, as the web defaults accept it for integers.</summary>
internal static class WholeNumber
{
    public static long Read(ref Utf8JsonReader reader, long min, long max, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var exact) && exact >= min && exact <= max)
        {
            return exact;
        }

        decimal value;
        if (reader.TokenType == JsonTokenType.Number)
        {
            // Decimal reads the exponent form exactly; a number beyond its range is no integer we can hold anyway.
            if (!reader.TryGetDecimal(out value))
            {
                throw NotWhole(reader, typeName);
            }
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            if (!decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                throw NotWhole(reader, typeName);
            }
        }
        else
        {
            throw new JsonException($"Expected a number for {typeName}, found {reader.TokenType}.");
        }

        if (value != decimal.Truncate(value) || value < min || value > max)
        {
            throw NotWhole(reader, typeName);
        }

        return (long)value;
    }

    /// <summary>The current token's JSON text (a number as written, without conversion).</summary>
    public static string TokenText(Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

    private static JsonException NotWhole(Utf8JsonReader reader, string typeName) =>
        new($"'{TokenText(reader)}' is not a whole number that fits {typeName}.");
}
