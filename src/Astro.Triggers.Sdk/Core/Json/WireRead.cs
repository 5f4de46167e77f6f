using System.Text.Json;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>The values the generated model readers (<see cref="ModelReader{T}"/>) take themselves, each read exactly as
/// the metadata path reads it (same converters, same rules); every other token declines (false), and the metadata path
/// decides. A helper may throw: that declines too.</summary>
internal static class WireRead
{
    /// <summary>JsonSerializerOptions' default (and the web defaults') reader depth.</summary>
    public const int MaxDepth = 64;

    /// <summary>A strict string (a required one, or an element of a list): only a JSON string.</summary>
    public static bool String(ref Utf8JsonReader reader, out string value)
    {
        value = null!;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = reader.GetString()!;
        return true;
    }

    /// <summary>An optional string read without a warning, for the generated readers and <c>LenientConverters.Text</c>
    /// alike: a number or a boolean reads as its JSON text.</summary>
    public static bool Text(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => WholeNumber.TokenText(reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };
        return value is not null;
    }

    public static bool Boolean(ref Utf8JsonReader reader, out bool value)
    {
        value = reader.TokenType == JsonTokenType.True;
        return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    /// <summary>TolerantInt32Converter's and the lenient reader's rule (<see cref="WholeNumber"/>).</summary>
    public static bool Int32(ref Utf8JsonReader reader, out int value)
    {
        value = (int)WholeNumber.Read(ref reader, int.MinValue, int.MaxValue, "a 32-bit integer");
        return true;
    }

    /// <summary>TolerantInt64Converter's and the lenient reader's rule (<see cref="WholeNumber"/>).</summary>
    public static bool Int64(ref Utf8JsonReader reader, out long value)
    {
        value = WholeNumber.Read(ref reader, long.MinValue, long.MaxValue, "a 64-bit integer");
        return true;
    }

    /// <summary>A JSON number; a quoted one is read differently by the strict and the lenient path, so it declines.</summary>
    public static bool Double(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value);
    }

    /// <summary>UtcTimestampConverter's rule: an ISO-8601 string, taken as UTC without an offset.</summary>
    public static bool Timestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && UtcTimestampConverter.TryParse(reader.GetString(), out value);
    }

    /// <summary>System.Text.Json's Uri converter: any string <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> takes,
    /// relative or absolute.</summary>
    public static bool Uri(ref Utf8JsonReader reader, out Uri value)
    {
        value = null!;
        return reader.TokenType == JsonTokenType.String && System.Uri.TryCreate(reader.GetString(), UriKind.RelativeOrAbsolute, out value!);
    }

    /// <summary>A free-form value (<c>object</c>): what System.Text.Json reads one as, a JsonElement. Null declines (the
    /// caller decides what null means for its property).</summary>
    public static bool Element(ref Utf8JsonReader reader, out object value)
    {
        value = null!;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        value = JsonElement.ParseValue(ref reader);
        return true;
    }

    /// <summary>An enum value by its wire names (UTF-8), as TolerantEnumConverter matches them; <paramref name="index"/>
    /// is the position of the matching name. Anything else (an escaped string, another spelling, a name this version
    /// does not know) declines, so the converter decides.</summary>
    public static bool EnumIndex(ref Utf8JsonReader reader, byte[][] wireNames, out int index)
    {
        index = -1;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        var span = reader.ValueSpan;
        for (var i = 0; i < wireNames.Length; i++)
        {
            if (span.SequenceEqual(wireNames[i]))
            {
                index = i;
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a property name the model does not declare might still be one of its properties to the metadata
    /// path: the web defaults match names ignoring case, and a union reserves '$' names for metadata.</summary>
    public static bool MightBeKnown(ref Utf8JsonReader reader, ReadOnlySpan<string> wireNames)
    {
        Span<char> buffer = stackalloc char[128];
        if (reader.HasValueSequence || reader.ValueSpan.Length > buffer.Length)
        {
            return true;
        }

        var name = buffer[..reader.CopyString(buffer)];
        if (name.Length > 0 && name[0] == '$')
        {
            return true;
        }

        foreach (var wire in wireNames)
        {
            if (name.Equals(wire, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An unknown property's name and value for the model's extension data; a null value declines.</summary>
    public static bool Extension(ref Utf8JsonReader reader, out string name, out object value)
    {
        name = reader.GetString()!;
        value = null!;
        return reader.Read() && Element(ref reader, out value);
    }

    /// <summary>The discriminator of a union object, found anywhere among its properties (the context allows metadata
    /// out of order) without moving <paramref name="reader"/>. Declines when it is missing, repeated or not a string.</summary>
    public static bool Discriminator(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName, out Utf8JsonReader value)
    {
        value = default;
        var found = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDiscriminator = reader.ValueTextEquals(propertyName);
            if (!reader.Read())
            {
                return false;
            }

            if (isDiscriminator)
            {
                if (found || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
                {
                    return false;
                }

                found = true;
                value = reader;
            }

            reader.Skip();
        }

        return found;
    }
}
