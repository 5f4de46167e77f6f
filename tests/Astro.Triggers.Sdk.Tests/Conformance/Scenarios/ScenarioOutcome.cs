using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Conformance.Scenarios;

/// <summary>The scenario comparison (README, "Scenarios"): the outcome's kind (value or error) and every field the
/// scenario names, equal as JSON; the server's request count (<c>requests</c>, by default the number of exchanges not
/// refusing the connection); and no mismatch against any <c>expect</c>.</summary>
internal static class ScenarioOutcome
{
    public static (bool Matches, List<string> Differences) Compare(JsonObject scenario, JsonObject actual, JsonObject report)
    {
        var differences = new List<string>();
        var expected = scenario["outcome"]!.AsObject();
        foreach (var part in new[] { "value", "error" })
        {
            if (expected[part] is not JsonObject wanted)
            {
                continue;
            }

            if (actual[part] is not JsonObject got)
            {
                differences.Add($"expected a {part}, got {actual.ToJsonString()}");
                continue;
            }

            foreach (var (name, value) in wanted)
            {
                if (!got.ContainsKey(name) || !ConformanceJson.Equal(value, got[name]))
                {
                    differences.Add($"{part}.{name} is {(got.ContainsKey(name) ? got[name]?.ToJsonString() ?? "null" : "missing")}, expected {value?.ToJsonString() ?? "null"}");
                }
            }
        }

        var requests = (int?)expected["requests"] ?? scenario["exchanges"]!.AsArray().Count(e => (string?)e?["fault"] != "refuse-connection");
        if ((int)report["requests"]! != requests)
        {
            differences.Add($"the server saw {report["requests"]} request(s), expected {requests}");
        }

        differences.AddRange(report["mismatches"]!.AsArray().Select(m => (string)m!));
        return (differences.Count == 0, differences);
    }
}
