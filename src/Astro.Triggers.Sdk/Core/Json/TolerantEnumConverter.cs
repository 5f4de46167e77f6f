using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Reads an enum by its wire names and maps a name this SDK version does not know to the enum's
/// <c>Unknown</c> member, so a status the service adds later does not fail the whole response (a list page
/// with one new status would otherwise be lost). Writes exactly as the string enum converter does.
/// The generator puts it on every generated enum and gives each one an <c>Unknown</c> member.</summary>
internal sealed class TolerantEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly T Unknown = Enum.Parse<T>("Unknown");

    private static readonly JsonConverter<T> Inner =
        (JsonConverter<T>)new JsonStringEnumConverter<T>().CreateConverter(typeof(T), new JsonSerializerOptions());

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return Inner.Read(ref reader, typeToConvert, options);
        }

        // A string value is one token: reading a copy leaves the caller's reader where it must end either way.
        var copy = reader;
        try
        {
            return Inner.Read(ref copy, typeToConvert, options);
        }
        catch (JsonException)
        {
            return Unknown;
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => Inner.Write(writer, value, options);
}
