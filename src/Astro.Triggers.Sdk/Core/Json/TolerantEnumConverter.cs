using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Reads an enum by its wire names and maps a name this SDK version does not know to the enum's
/// <c>Unknown</c> member, so a status the service adds later does not fail the whole response (a list page
/// with one new status would otherwise be lost). Writes exactly as the string enum converter does.
/// The generator puts a subclass of it on every generated enum (<c>&lt;Enum&gt;JsonConverter</c>, handing over the
/// wire names and their members) and gives each enum an <c>Unknown</c> member.</summary>
/// <remarks>A string that is exactly one of the wire names — what the service sends — is read from that table. Anything
/// else (a number, another spelling, a name this version does not know) goes to the string enum converter as before,
/// built the first time it is needed: on a process's first response that saves building its tables by reflection over
/// the enum's fields (issue 30).</remarks>
internal abstract class TolerantEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private readonly T _unknown;
    private readonly byte[][] _wireNames;
    private readonly T[] _members;
    private JsonConverter<T>? _inner;

    /// <param name="unknown">The member a value this version does not know reads as.</param>
    /// <param name="wireNames">Each member's wire name, in the order of <paramref name="members"/>.</param>
    /// <param name="members">The members named by <paramref name="wireNames"/>.</param>
    protected TolerantEnumConverter(T unknown, string[] wireNames, T[] members)
    {
        _unknown = unknown;
        _members = members;
        _wireNames = new byte[wireNames.Length][];
        for (var i = 0; i < wireNames.Length; i++)
        {
            _wireNames[i] = Encoding.UTF8.GetBytes(wireNames[i]);
        }
    }

    private JsonConverter<T> Inner =>
        _inner ??= (JsonConverter<T>)new JsonStringEnumConverter<T>().CreateConverter(typeof(T), new JsonSerializerOptions());

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return Inner.Read(ref reader, typeToConvert, options);
        }

        var names = _wireNames;
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return _members[i];
            }
        }

        // A string value is one token: reading a copy leaves the caller's reader where it must end either way.
        var copy = reader;
        try
        {
            return Inner.Read(ref copy, typeToConvert, options);
        }
        catch (JsonException)
        {
            return _unknown;
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => Inner.Write(writer, value, options);
}
