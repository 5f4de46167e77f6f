using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The wire spelling of a generated enum value, taken from the service's JSON context (which carries
/// the spec's names), so no facade repeats the spec's strings.</summary>
internal static class WireName
{
    public static string Of<T>(T value, JsonTypeInfo<T> typeInfo)
        where T : struct, Enum =>
        JsonSerializer.Serialize(value, typeInfo).Trim('"');
}
