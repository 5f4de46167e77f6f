using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Reads a <see cref="long"/> from any JSON number form with a whole value (<c>1767225600000</c>,
/// <c>1767225600000.0</c>, <c>1.7672256E12</c>, a quoted number); writes a plain number. Registered in every
/// generated JSON context (see <see cref="WholeNumber"/>).</summary>
internal sealed class TolerantInt64Converter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WholeNumber.Read(ref reader, long.MinValue, long.MaxValue, "a 64-bit integer");

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
