using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Reads an <see cref="int"/> from any JSON number form with a whole value (<c>3</c>, <c>3.0</c>, <c>3E0</c>,
/// <c>"3"</c>); writes a plain number. Registered in every generated JSON context (see <see cref="WholeNumber"/>).</summary>
internal sealed class TolerantInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (int)WholeNumber.Read(ref reader, int.MinValue, int.MaxValue, "a 32-bit integer");

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
