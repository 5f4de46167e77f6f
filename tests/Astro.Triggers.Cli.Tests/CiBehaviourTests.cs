using System.Text.Json;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Cli.Tests;

/// <summary>What a CI step relies on: exit codes, the one JSON document, plain lines when redirected, interrupts.</summary>
public sealed class CiBehaviourTests
{
    [Fact]
    public async Task Help_lists_every_command_group_and_the_exit_codes()
    {
        var result = await Cli.RunAsync(new Dictionary<string, string>(), "--help");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().ContainAll("agentset", "astropod", "truefoundry", "shipyard", "mixpeek", "fakes", "130 interrupted by", "143 by SIGTERM", "70 a bug", "AGENTSET_API_KEY");
        result.Out.Should().MatchRegex(@"\n\s+wait\s+Follow runs from their resume tokens", "the top-level wait follows resume tokens of any service (its 0.x <service> <id> spelling stays, with a notice)");
    }

    [Fact]
    public async Task Create_and_wait_redirected_prints_one_plain_line_per_status_change_and_exits_0()
    {
        await using var fake = FastFakes.Agentset();

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().NotContain("\u001b", "a CI log gets no ANSI escapes");
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(l => l.Contains("queued (QUEUED)", StringComparison.Ordinal));
        lines.Last().Should().MatchRegex("^Agentset run job_[0-9a-f]+ succeeded \\(COMPLETED\\)$");
        lines.Select(l => l[(l.IndexOf(':', 25) + 1)..]).Should().OnlyHaveUniqueItems("a line is printed only when the status changes");
    }

    [Fact]
    public async Task Json_puts_one_document_on_stdout_with_id_service_statuses_and_timestamps()
    {
        await using var fake = FastFakes.Agentset();

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--json", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json;
        json.GetProperty("service").GetString().Should().Be("Agentset");
        json.GetProperty("id").GetString().Should().StartWith("job_");
        json.GetProperty("status").GetString().Should().Be("succeeded");
        json.GetProperty("rawStatus").GetString().Should().Be("COMPLETED");
        json.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("exitCode").GetInt32().Should().Be(0);
        json.GetProperty("createdAt").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
        json.GetProperty("finishedAt").GetString().Should().NotBeNull();
        result.Error.Should().Contain("queued (QUEUED)", "progress goes to stderr with --json");
    }

    [Fact]
    public async Task A_failed_run_exits_1_with_the_service_error()
    {
        await using var fake = FastFakes.Agentset();
        fake.FailNextRuns(1, "The document could not be parsed.");

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--json", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Json.GetProperty("status").GetString().Should().Be("failed");
        result.Json.GetProperty("serviceError").GetString().Should().Be("The document could not be parsed.");
        result.Error.Should().Contain("failed (FAILED): The document could not be parsed.");
    }

    [Fact]
    public async Task A_wait_that_times_out_exits_3_and_says_the_run_goes_on()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMinutes(5) });

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--json", "--timeout", "400ms", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(3, result.ToString());
        result.Json.GetProperty("outcome").GetString().Should().Be("timed-out");
        result.Error.Should().Contain("the run goes on").And.Contain("follow it again with `astro-triggers wait --token atr1.")
            .And.Contain("after 400 ms", "durations are said as in the SDK's messages (issue 25), not '0.4s' or '00:00:00.4000000'");
    }

    [Fact]
    public async Task Help_says_the_duration_defaults_as_durations_not_timespans()
    {
        var result = await Cli.RunAsync(new Dictionary<string, string>(), "agentset", "ingest-jobs", "start", "--help");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("[default: 1 h]").And.Contain("[default: 1 s]").And.NotContain("01:00:00").And.NotContain("00:00:01");
    }

    [Fact]
    public async Task Interrupting_a_wait_exits_130_and_never_cancels_the_run()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMinutes(5) });
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var result = await Cli.RunAsync(Cli.Env(fake), interrupt.Token, "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(130, result.ToString());
        result.Error.Should().Contain("the run was NOT cancelled and goes on");
        fake.Requests.Should().NotContain(r => r.Method == "DELETE", "Ctrl+C stops waiting, never the run");
    }

    [Fact]
    public async Task A_bad_argument_exits_2_before_any_request()
    {
        await using var fake = FastFakes.Agentset();

        var both = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--url", "https://example.com");
        var unknown = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--txet", "hi");
        var badDuration = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--timeout", "soon");
        var badId = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "get", "not-a-job-id");

        both.ExitCode.Should().Be(2, both.ToString());
        both.Error.Should().Contain("exactly one of --text or --url");
        unknown.ExitCode.Should().Be(2, unknown.ToString());
        badDuration.ExitCode.Should().Be(2, badDuration.ToString());
        badDuration.Error.Should().Contain("--timeout: 'soon' is not a duration");
        badId.ExitCode.Should().Be(2, badId.ToString());
        fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_poll_interval_ratio_is_checked_before_any_request_and_zero_is_accepted()
    {
        await using var fake = FastFakes.Agentset();

        var negative = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--poll-interval-ratio", "-0.5");
        var huge = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--poll-interval-ratio", "11");

        negative.ExitCode.Should().Be(2, negative.ToString());
        negative.Error.Should().Contain("--poll-interval-ratio must be between 0 and 10");
        huge.ExitCode.Should().Be(2, huge.ToString());
        fake.Requests.Should().BeEmpty();

        var fixedInterval = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--json", "--poll-interval", FastFakes.Poll, "--poll-interval-ratio", "0");
        fixedInterval.ExitCode.Should().Be(0, fixedInterval.ToString());
        fixedInterval.Json.GetProperty("status").GetString().Should().Be("succeeded");
    }

    [Fact]
    public async Task A_missing_variable_is_named_and_exits_2()
    {
        var result = await Cli.RunAsync(new Dictionary<string, string> { ["AGENTSET_NAMESPACE_ID"] = "ns_x" }, "agentset", "ingest-jobs", "list");
        var tfy = await Cli.RunAsync(new Dictionary<string, string> { ["TFY_API_KEY"] = "k-123456" }, "truefoundry", "job-runs", "list", "--application-id", "a");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("AGENTSET_API_KEY");
        tfy.ExitCode.Should().Be(2, tfy.ToString());
        tfy.Error.Should().Contain("TFY_BASE_URL");
    }

    [Fact]
    public async Task A_refusal_exits_4_with_status_and_service_message()
    {
        await using var fake = FastFakes.Agentset();

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "get", "job_doesnotexist", "--json");

        result.ExitCode.Should().Be(4, result.ToString());
        result.Error.Should().Contain("404");
        var error = result.Json.GetProperty("error");
        error.GetProperty("kind").GetString().Should().Be("refused");
        error.GetProperty("status").GetInt32().Should().Be(404);
    }

    [Fact]
    public async Task A_500_on_a_trigger_exits_5_and_says_it_may_have_been_processed()
    {
        await using var fake = FastFakes.Agentset();
        fake.Faults.ServerError(count: 1, status: 500);

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--json");

        result.ExitCode.Should().Be(5, result.ToString());
        result.Error.Should().Contain("MAY HAVE BEEN PROCESSED");
        result.Json.GetProperty("error").GetProperty("mayHaveBeenProcessed").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_429_with_a_one_second_hint_while_waiting_costs_about_a_second_not_the_timeout()
    {
        // Issue 25 #1, input A from the CLI: a job of ~3.5 s, one 429 (1 s hint) on a status read, --timeout 20s. Pacing
        // held the retry until a window reset a minute away, and the wait exited 3.
        await using var fake = AgentsetFake.Start();
        fake.Faults.For("getIngestJob").RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(1));

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--timeout", "20s", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.GetProperty("status").GetString().Should().Be("succeeded");
        fake.Faults.For("getIngestJob").Injected.Should().Be(1);
    }

    [Fact]
    public async Task A_refused_connection_exits_5_and_says_the_call_was_not_processed()
    {
        var env = new Dictionary<string, string> { ["AGENTSET_API_KEY"] = "key-123456", ["AGENTSET_NAMESPACE_ID"] = "ns_x", ["AGENTSET_BASE_URL"] = "http://127.0.0.1:9/" };

        var result = await Cli.RunAsync(env, "agentset", "ingest-jobs", "list");

        result.ExitCode.Should().Be(5, result.ToString());
        result.Error.Should().Contain("safe to try again");
    }

    [Fact]
    public async Task Offline_runs_against_an_embedded_fake_without_any_variable()
    {
        var result = await Cli.RunAsync(new Dictionary<string, string>(), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--offline", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.GetProperty("status").GetString().Should().Be("succeeded");
    }

    [Fact]
    public async Task A_config_file_binds_to_the_sdk_options_and_may_hold_the_key()
    {
        await using var fake = FastFakes.Agentset();
        var file = Path.Combine(Path.GetTempPath(), $"astro-cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Agentset"] = new Dictionary<string, object> { ["BaseAddress"] = fake.BaseAddress.ToString(), ["ApiKey"] = fake.ApiKey, ["NamespaceId"] = fake.NamespaceId, ["Timeout"] = "00:00:20" },
        }));
        try
        {
            var result = await Cli.RunAsync(new Dictionary<string, string>(), "agentset", "ingest-jobs", "list", "--config", file, "--json");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Json.GetProperty("items").GetArrayLength().Should().Be(0);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
