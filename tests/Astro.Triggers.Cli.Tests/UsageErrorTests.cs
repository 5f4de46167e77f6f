using Astro.Triggers.Sdk.Testing.TrueFoundry;

namespace Astro.Triggers.Cli.Tests;

/// <summary>Issue 28 §2–3: every usage error exits 2 before any request, in both output modes: a line naming the flag
/// and the rule on stderr; with --json exactly one error document on stdout (validated against the schema by
/// <see cref="Cli"/>), nothing there otherwise.</summary>
public sealed class UsageErrorTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "agentset ingest-jobs start --text hi --wait --timeout soon", "--timeout: 'soon' is not a duration" },
        { "agentset ingest-jobs start --text hi --wait --timeout 0s", "--timeout: must be more than zero (was '0s')" },
        { "agentset ingest-jobs start --text hi --wait --poll-interval -1s", "--poll-interval: must be more than zero" },
        { "agentset ingest-jobs start --text hi --url https://example.com", "pass exactly one of --text or --url" },
        { "agentset ingest-jobs start --txt hi", "unknown option '--txt' for 'agentset ingest-jobs start' (did you mean --text?)" },
        { "agentset ingest-job list", "unknown command 'ingest-job' (did you mean ingest-jobs?)" },
        { "agentset ingest-jobs start --text <blank>", "--text: must not be empty or whitespace" },
        { "agentset ingest-jobs list --limit 0", "--limit: must be 1 or more (was '0')" },
        { "agentset ingest-jobs list --limit -1", "--limit: must be 1 or more (was '-1')" },
        { "agentset ingest-jobs get not-a-job-id", "<job-id>" },
        { "agentset ingest-jobs start --text hi --wait --poll-interval-ratio 11", "--poll-interval-ratio must be between 0 and 10" },
        { "mixpeek triggers preview --cron @daily", "macros such as '@daily' are not accepted" },
        { "mixpeek triggers preview -n 2", "--cron" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_usage_error_exits_2_with_one_line_and_nothing_sent(string command, string expected)
    {
        await using var fake = FastFakes.Agentset();
        var args = command.Split(' ').Select(a => a == "<blank>" ? "  " : a).ToArray();

        var plain = await Cli.RunAsync(Cli.Env(fake), args);
        var json = await Cli.RunAsync(Cli.Env(fake), [.. args, "--json"]);

        plain.ExitCode.Should().Be(2, plain.ToString());
        plain.Out.Should().BeEmpty("a usage error prints nothing on stdout without --json");
        plain.Error.Should().Contain(expected).And.NotContain("(Parameter '").And.NotContain("Actual value was").And.NotContain("Response file");
        plain.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeLessThanOrEqualTo(2, plain.Error);
        json.ExitCode.Should().Be(2, json.ToString());
        json.Json.GetProperty("document").GetString().Should().Be("error");
        json.Json.GetProperty("error").GetProperty("kind").GetString().Should().Be("usage");
        json.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain(expected.Split(' ')[0]);
        fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Application_id_with_deployment_id_is_refused_as_the_sdk_refuses_it()
    {
        await using var fake = FastFakes.TrueFoundry();

        var both = await Cli.RunAsync(Cli.Env(fake), "truefoundry", "job-runs", "start", "--application-id", fake.ApplicationId, "--deployment-id", fake.DeploymentId, "--json");

        both.ExitCode.Should().Be(2, both.ToString());
        both.Error.Should().Contain("pass --application-id or --deployment-id, not both");
        fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_misspelt_config_key_is_an_error_not_silence()
    {
        await using var fake = FastFakes.Agentset();
        var file = Path.Combine(Path.GetTempPath(), $"astro-cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$$"""{"Agentset":{"BaseAddress":"{{{fake.BaseAddress}}}","ApiKy":"{{{fake.ApiKey}}}","NamespaceId":"{{{fake.NamespaceId}}}"}}""");
        try
        {
            var env = new Dictionary<string, string> { ["AGENTSET_API_KEY"] = fake.ApiKey };
            var result = await Cli.RunAsync(env, "agentset", "ingest-jobs", "list", "--config", file, "--json");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Contain("--config").And.Contain("ApiKy");
            fake.Requests.Should().BeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_missing_setting_is_a_usage_error_in_both_modes()
    {
        var plain = await Cli.RunAsync(new Dictionary<string, string> { ["AGENTSET_NAMESPACE_ID"] = "ns_x" }, "agentset", "ingest-jobs", "list");
        var json = await Cli.RunAsync(new Dictionary<string, string> { ["AGENTSET_NAMESPACE_ID"] = "ns_x" }, "agentset", "ingest-jobs", "list", "--json");

        plain.ExitCode.Should().Be(2);
        plain.Out.Should().BeEmpty();
        json.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("AGENTSET_API_KEY");
        json.Json.GetProperty("service").GetString().Should().Be("Agentset");
    }
}
