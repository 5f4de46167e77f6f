using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The wire spelling of a generated enum value, taken from the service's JSON context (which carries
/// the spec's names), so no facade repeats the spec's strings.</summary>
internal static class WireName
{
    /// <summary>The value's wire name, serialized once per value and then remembered (a run's status is named on
    /// every observation).</summary>
    public static string Of<T>(T value, JsonTypeInfo<T> typeInfo)
        where T : struct, Enum =>
        Cache<T>.Names.TryGetValue(value, out var name) ? name : Remember(value, JsonSerializer.Serialize(value, typeInfo).Trim('"'));

    private static string Remember<T>(T value, string name)
        where T : struct, Enum =>
        Cache<T>.Names.Count < Cache<T>.MaxEntries ? Cache<T>.Names.GetOrAdd(value, name) : name;

    // Enum values are few, but a tolerant enum can hold any number the service sends: bounded so it cannot grow for ever.
    private static class Cache<T>
        where T : struct, Enum
    {
        public const int MaxEntries = 256;

        public static readonly System.Collections.Concurrent.ConcurrentDictionary<T, string> Names = new();
    }
}
