using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Tests.Conformance.Adapters;

namespace Astro.Triggers.Sdk.Tests.Conformance;

/// <summary>Runs every case of <c>tests/conformance/rules/*.json</c> against the C# client (issue 26). A case passes
/// when the adapter's answer equals its <c>expected</c>; a case listed in <c>accepted-differences/csharp.json</c> must
/// still differ (so a fixed drift fails until its entry is removed); an unknown rule fails.</summary>
public sealed class ConformanceTests
{
    private static readonly Dictionary<string, IRuleAdapter> Adapters = new Dictionary<string, IRuleAdapter>(StringComparer.Ordinal)
    {
        ["retry-after"] = new RetryAfterAdapter(),
        ["run-status"] = new RunStatusAdapter(),
        ["error-body"] = new ErrorBodyAdapter(),
        ["secret-masking"] = new SecretMaskingAdapter(),
        ["shipyard-csv"] = new ShipyardCsvAdapter(),
        ["resume-token"] = new ResumeTokenAdapter(),
        ["service-error-may-have-been-processed"] = new ServiceErrorMayHaveBeenProcessedAdapter(),
        ["retry-decision"] = new RetryDecisionAdapter(),
        ["argument-rules"] = new ArgumentRulesAdapter(),
        ["offset-paging"] = new OffsetPagingAdapter(),
        ["poll-schedule"] = new PollScheduleAdapter(),
        ["rate-limit-pacing"] = new RateLimitPacingAdapter(),
    };

    /// <summary>(file, case name) for every case: strings, so xunit lists each case as its own test.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, name) in ConformanceSuite.CaseIds())
        {
            data.Add(file, name);
        }

        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public async Task Case(string rule, string name)
    {
        var file = ConformanceSuite.RuleFiles[rule];
        var ruleName = (string?)file["rule"];
        Adapters.TryGetValue(ruleName ?? "", out var adapter).Should().BeTrue($"rule \"{ruleName}\" (tests/conformance/rules/{rule}.json) has no C# adapter");
        var vector = ConformanceSuite.Case(rule, name);
        var expected = vector["expected"]!.AsObject();

        JsonObject actual;
        try
        {
            actual = await adapter!.RunAsync(vector["input"]!.AsObject());
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            actual = new JsonObject { ["exception"] = $"{e.GetType().Name}: {e.Message}" };
        }

        var id = $"{rule}/{name}";
        var matches = ConformanceJson.Matches(expected, actual);
        if (ConformanceSuite.Accepted.TryGetValue(id, out var reason))
        {
            matches.Should().BeFalse(
                $"{id} is listed in tests/conformance/accepted-differences/csharp.json ({reason}) but now passes: remove it from the list");
        }
        else
        {
            matches.Should().BeTrue($"{id}: expected {expected.ToJsonString()} but the C# client gave {actual.ToJsonString()}");
        }
    }

    [Fact]
    public void Conformance_files_are_well_formed()
    {
        ConformanceSuite.RuleFiles.Should().NotBeEmpty();
        foreach (var (file, json) in ConformanceSuite.RuleFiles)
        {
            ((string?)json["rule"]).Should().Be(file, "a rule file is named after its rule");
            ((string?)json["description"]).Should().NotBeNullOrWhiteSpace($"{file}.json says what its rule is");
            var names = ConformanceSuite.Cases(json).Select(c => (string?)c!["name"]).ToList();
            names.Should().OnlyHaveUniqueItems($"case names are unique within {file}.json").And.NotContainNulls();
            foreach (var vector in ConformanceSuite.Cases(json))
            {
                vector!["input"].Should().BeOfType<JsonObject>($"{file}/{vector["name"]} has an input object");
                vector["expected"].Should().BeOfType<JsonObject>($"{file}/{vector["name"]} has an expected object");
            }
        }
    }

    [Fact]
    public void Every_accepted_difference_names_a_case_and_a_reason()
    {
        var ids = ConformanceSuite.CaseIds().Select(c => $"{c.File}/{c.Name}").ToHashSet(StringComparer.Ordinal);
        foreach (var (id, reason) in ConformanceSuite.Accepted.Where(a => !a.Key.StartsWith("scenario/", StringComparison.Ordinal)))
        {
            ids.Should().Contain(id, "accepted-differences/csharp.json lists only cases that exist");
            reason.Should().NotBeNullOrWhiteSpace($"{id} says why C# differs");
        }
    }
}
