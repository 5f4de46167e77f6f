using System.Text.Json.Nodes;
using Astro.Triggers.Conformance.Server;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk.Tests.Conformance.Scenarios;

/// <summary>Runs every scenario of <c>tests/conformance/scenarios/*.json</c> against the C# client over the shared
/// scripted server (hosted in-process): the outcome (value fields, or the error's kind and chosen fields), the number
/// of requests the server saw and its mismatches against each exchange's <c>expect</c>. Accepted differences as for
/// the rule vectors, with ids <c>scenario/&lt;file&gt;/&lt;name&gt;</c>.</summary>
public sealed class ScenarioTests
{
    private static readonly Lazy<IReadOnlyList<(string Id, JsonObject Scenario)>> LazyScenarios =
        new(() => ScenarioFiles.Load(Path.Combine(ConformanceSuite.Root, "scenarios")));

    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> LazyFileClients = new(() =>
        Directory.GetFiles(Path.Combine(ConformanceSuite.Root, "scenarios"), "*.json").ToDictionary(
            p => Path.GetFileNameWithoutExtension(p), p => JsonNode.Parse(File.ReadAllText(p))!["client"]?.AsObject() ?? [], StringComparer.Ordinal));

    /// <summary>("scenario", "&lt;file&gt;/&lt;name&gt;") for every scenario: shown as <c>Conformance.scenario/&lt;file&gt;/&lt;name&gt;</c>.</summary>
    public static TheoryData<string, string> Scenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var (id, _) in LazyScenarios.Value)
        {
            data.Add("scenario", id);
        }

        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario(string kind, string id)
    {
        kind.Should().Be("scenario");
        var scenario = LazyScenarios.Value.Single(s => s.Id == id).Scenario;
        var operation = (string)scenario["operation"]!;
        ScenarioAdapters.Operations.TryGetValue(operation, out var call).Should().BeTrue($"operation \"{operation}\" ({id}) has no C# adapter");
        var client = Merge(LazyFileClients.Value[id[..id.IndexOf('/', StringComparison.Ordinal)]], scenario["client"]?.AsObject());

        JsonObject outcome;
        JsonObject report;
        await using (var server = ScenarioServer.Start(scenario))
        {
            try
            {
                var value = await call!(scenario["arguments"]?.AsObject() ?? [], client, server.BaseAddress, scenario["wait"]?.AsObject()).WaitAsync(TimeSpan.FromSeconds(60));
                outcome = new JsonObject { ["value"] = value };
            }
            catch (Exception e) when (e is not TimeoutException)
            {
                outcome = new JsonObject { ["error"] = Describe(e, (string?)client["apiKey"]) };
            }

            report = server.Report();
        }

        var (matches, differences) = ScenarioOutcome.Compare(scenario, outcome, report);
        var caseId = $"scenario/{id}";
        if (ConformanceSuite.Accepted.TryGetValue(caseId, out var reason))
        {
            matches.Should().BeFalse($"{caseId} is listed in tests/conformance/accepted-differences/csharp.json ({reason}) but now passes: remove it from the list");
        }
        else
        {
            matches.Should().BeTrue($"{caseId}: {string.Join("; ", differences)} (outcome {outcome.ToJsonString()}, server {report.ToJsonString()})");
        }
    }

    [Fact]
    public void Scenario_files_are_well_formed()
    {
        LazyScenarios.Value.Should().NotBeEmpty();
        LazyScenarios.Value.Select(s => s.Id).Should().OnlyHaveUniqueItems("scenario names are unique within their file");
        foreach (var (id, scenario) in LazyScenarios.Value)
        {
            ((string?)scenario["description"]).Should().NotBeNullOrWhiteSpace($"{id} says what it pins");
            ScenarioAdapters.Operations.Should().ContainKey((string?)scenario["operation"] ?? "", $"{id} names an operation the C# runner knows");
            scenario["exchanges"].Should().BeOfType<JsonArray>($"{id} has exchanges");
            (scenario["outcome"]?["value"] is JsonObject ^ scenario["outcome"]?["error"] is JsonObject).Should().BeTrue($"{id}'s outcome is a value or an error");
        }
    }

    [Fact]
    public void Every_accepted_scenario_difference_names_a_scenario_and_a_reason()
    {
        var ids = LazyScenarios.Value.Select(s => $"scenario/{s.Id}").ToHashSet(StringComparer.Ordinal);
        foreach (var (id, reason) in ConformanceSuite.Accepted.Where(a => a.Key.StartsWith("scenario/", StringComparison.Ordinal)))
        {
            ids.Should().Contain(id, "accepted-differences/csharp.json lists only scenarios that exist");
            reason.Should().NotBeNullOrWhiteSpace($"{id} says why C# differs");
        }
    }

    private static JsonObject Merge(JsonObject defaults, JsonObject? overrides)
    {
        var merged = defaults.DeepClone().AsObject();
        foreach (var (name, value) in overrides ?? [])
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>The error in the suite's vocabulary (README, "Scenarios").</summary>
    private static JsonObject Describe(Exception e, string? secret)
    {
        var kind = e switch
        {
            ServiceTimeoutException => "Timeout",
            ServiceTransportException => "Transport",
            ResponseTooLargeException => "TooLarge",
            ResponseDeserializationException => "Deserialization",
            PagingException => "Paging",
            RateLimitExceededException => "RateLimitExceeded",
            ArgumentException => "InvalidArgument",
            TokenRefreshException => "TokenRefresh",
            AstroTriggersException a => a.GetType().Name.Replace("Exception", "", StringComparison.Ordinal),
            _ => $"unexpected {e.GetType().Name}: {e.Message}",
        };
        var error = new JsonObject { ["kind"] = kind };
        if (e is AstroTriggersException astro)
        {
            error["status"] = astro.Status;
            error["errorCode"] = astro.ErrorCode;
            error["mayHaveBeenProcessed"] = astro.MayHaveBeenProcessed;
        }

        error["serviceMessage"] = e switch
        {
            ServiceRequestException request => request.ServiceMessage,
            RunFailedException failed => failed.ServiceError,
            _ => null,
        };
        error["requestId"] = (e as ServiceRequestException)?.RequestId;

        var rawBody = (e as ServiceRequestException)?.RawBody;
        error["retryAfterMs"] = (e as ServiceRequestException)?.RetryAfter is { } wait ? (long)wait.TotalMilliseconds : null;
        error["secretAbsent"] = string.IsNullOrEmpty(secret) ||
            !(e.Message.Contains(secret, StringComparison.Ordinal) || (rawBody?.Contains(secret, StringComparison.Ordinal) ?? false) || e.ToString().Contains(secret, StringComparison.Ordinal));
        return error;
    }
}
