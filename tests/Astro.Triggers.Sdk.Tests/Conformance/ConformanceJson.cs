using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Conformance;

/// <summary>The suite's comparison: the expected object names exactly the actual's keys, and each value is equal as
/// JSON (numbers by value, so 1500 equals 1500.0; object key order ignored; array order kept).</summary>
internal static class ConformanceJson
{
    public static bool Matches(JsonObject expected, JsonObject actual) =>
        expected.Count == actual.Count && expected.All(p => actual.ContainsKey(p.Key) && Equal(p.Value, actual[p.Key]));

    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number)
        {
            return Number(a) == Number(b);
        }

        return (a, b) switch
        {
            (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.ContainsKey(p.Key) && Equal(p.Value, y[p.Key])),
            (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(pair => Equal(pair.First, pair.Second)),
            _ => JsonNode.DeepEquals(a, b),
        };
    }

    // Whatever backs the node (a parsed element or a CLR double), its JSON text read as a decimal.
    private static decimal Number(JsonNode node) => decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
