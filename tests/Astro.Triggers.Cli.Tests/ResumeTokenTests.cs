using System.Text.Json;
using System.Text.RegularExpressions;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Cli.Tests;

/// <summary><c>wait --token</c> / <c>--tokens-from</c>: a run started by one command (or any SDK) is followed from its
/// resume token, which every start prints (text, and <c>resumeToken</c> in --json).</summary>
public sealed class ResumeTokenTests
{
    [Fact]
    public async Task A_start_prints_its_token_and_wait_token_follows_the_run_to_the_end()
    {
        await using var fake = FastFakes.Agentset();

        var started = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--json");
        started.ExitCode.Should().Be(0, started.ToString());
        var token = started.Json.GetProperty("resumeToken").GetString()!;
        token.Should().MatchRegex("^atr1\\.[A-Za-z0-9_-]+$");
        var id = started.Json.GetProperty("id").GetString();

        var text = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "again");
        text.Out.Should().MatchRegex("resume token: atr1\\.[A-Za-z0-9_-]+ \\(follow it anywhere: astro-triggers wait --token atr1\\.");

        var waited = await Cli.RunAsync(Cli.Env(fake), "wait", "--token", token, "--json", "--poll-interval", FastFakes.Poll);
        waited.ExitCode.Should().Be(0, waited.ToString());
        waited.Json.GetProperty("document").GetString().Should().Be("run");
        waited.Json.GetProperty("id").GetString().Should().Be(id);
        waited.Json.GetProperty("status").GetString().Should().Be("succeeded");
        waited.Json.GetProperty("resumeToken").GetString().Should().Be(token);
        waited.Error.Should().NotContain("is now", "the token spelling is the current one: no rename notice");
    }

    [Fact]
    public async Task Tokens_from_a_file_and_repeated_token_options_follow_every_run_in_one_document()
    {
        await using var fake = FastFakes.Agentset();
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var started = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", $"doc {i}", "--json");
            tokens.Add(started.Json.GetProperty("resumeToken").GetString()!);
        }

        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $"# nightly ingest\n{tokens[0]}\n\n{tokens[1]}\r\n");
            var result = await Cli.RunAsync(Cli.Env(fake), "wait", "--tokens-from", file, "--token", tokens[2], "--json", "--poll-interval", FastFakes.Poll);

            result.ExitCode.Should().Be(0, result.ToString());
            result.Json.GetProperty("document").GetString().Should().Be("runs");
            result.Json.GetProperty("service").GetString().Should().Be("Agentset");
            var runs = result.Json.GetProperty("runs").EnumerateArray().ToList();
            runs.Select(r => r.GetProperty("resumeToken").GetString()).Should().BeEquivalentTo(tokens);
            runs.Should().OnlyContain(r => r.GetProperty("status").GetString() == "succeeded");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Tokens_are_followed_as_one_group_jsonl_prints_each_run_as_it_ends_and_a_failed_run_exits_1()
    {
        await using var fake = FastFakes.Agentset();
        var tokens = new List<string>();
        fake.FailNextRuns(1, "The document could not be parsed.");
        for (var i = 0; i < 4; i++)
        {
            var started = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", $"doc {i}", "--json");
            tokens.Add(started.Json.GetProperty("resumeToken").GetString()!);
        }

        var before = fake.Requests.Count;
        var result = await Cli.RunAsync(Cli.Env(fake), ["wait", .. tokens.SelectMany(t => new[] { "--token", t }), "--jsonl", "--poll-interval", FastFakes.Poll]);

        result.ExitCode.Should().Be(1, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().HaveCount(4, result.ToString());
        lines.Select(l => l.GetProperty("resumeToken").GetString()).Should().BeEquivalentTo(tokens);
        var failed = lines.Single(l => l.GetProperty("status").GetString() == "failed");
        failed.GetProperty("exitCode").GetInt32().Should().Be(1);
        failed.GetProperty("serviceError").GetString().Should().Be("The document could not be parsed.");
        var reads = fake.Requests.Skip(before).ToList();
        reads.Should().Contain(r => r.OperationId == "listIngestJobs");
        reads.Count(r => r.OperationId == "getIngestJob").Should().Be(0, "the namespace's list shows every run");
        result.Error.Should().Contain("4 runs: 3 succeeded, 1 failed");
    }

    [Fact]
    public async Task Jsonl_and_json_together_are_a_usage_error()
    {
        var result = await Cli.RunAsync(new Dictionary<string, string>(), "wait", "--token", "atr1.x", "--token", "atr1.y", "--jsonl", "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("--jsonl and --json: pick one");
    }

    [Fact]
    public async Task A_start_with_wait_prints_its_token_before_waiting_and_a_timeout_hints_wait_token()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMinutes(5) });

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hello", "--wait", "--timeout", "400ms", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(3, result.ToString());
        var token = Regex.Match(result.Out, "resume token: (atr1\\.[A-Za-z0-9_-]+) \\(follow it anywhere: astro-triggers wait --token atr1\\.").Groups[1].Value;
        token.Should().NotBeEmpty(result.ToString());
        result.Out.IndexOf("resume token:", StringComparison.Ordinal).Should().BeLessThan(result.Out.IndexOf("queued (QUEUED)", StringComparison.Ordinal), "printed before waiting, so a cut-short wait can be resumed");
        result.Error.Should().Contain($"the run goes on; follow it again with `astro-triggers wait --token {token}`");
    }

    [Theory]
    [InlineData("truefoundry", "job-runs", "start")]
    [InlineData("shipyard", "fleet-runs", "start")]
    [InlineData("mixpeek", "executions", "start")]
    public async Task Every_service_s_start_with_wait_prints_its_token(string service, string noun, string verb)
    {
        await using FakeService fake = service switch
        {
            "truefoundry" => FastFakes.TrueFoundry(),
            "shipyard" => FastFakes.Shipyard(),
            _ => FastFakes.Mixpeek(),
        };
        string[] extra = service == "mixpeek" ? [await MixpeekTriggerAsync(fake)] : [];

        var result = await Cli.RunAsync(Cli.Env(fake), [service, noun, verb, .. extra, "--wait", "--poll-interval", FastFakes.Poll]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().MatchRegex("resume token: atr1\\.[A-Za-z0-9_-]+ \\(follow it anywhere: astro-triggers wait --token atr1\\.");
    }

    [Fact]
    public async Task Offline_runs_offer_no_token_and_say_why()
    {
        var started = await Cli.RunAsync(new Dictionary<string, string>(), "agentset", "ingest-jobs", "start", "--text", "hi", "--offline");
        var timedOut = await Cli.RunAsync(new Dictionary<string, string>(), "agentset", "ingest-jobs", "start", "--text", "hi", "--offline", "--wait", "--timeout", "300ms");
        var json = await Cli.RunAsync(new Dictionary<string, string>(), "agentset", "ingest-jobs", "start", "--text", "hi", "--offline", "--json");

        started.ExitCode.Should().Be(0, started.ToString());
        started.Out.Should().Contain("resume token: none (--offline: it ran on an --offline in-process fake").And.NotContain("atr1.");
        timedOut.ExitCode.Should().Be(3, timedOut.ToString());
        (timedOut.Out + timedOut.Error).Should().NotContain("atr1.").And.NotContain("follow it again");
        timedOut.Error.Should().Contain("--offline in-process fake, which stops with this command");
        json.Json.GetProperty("resumeToken").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Wait_prints_only_statuses_it_read_never_the_placeholder_of_a_handle_not_read_yet()
    {
        await using var fake = FastFakes.Agentset();
        var started = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--json");
        var token = started.Json.GetProperty("resumeToken").GetString()!;
        var id = started.Json.GetProperty("id").GetString()!;

        var byToken = await Cli.RunAsync(Cli.Env(fake), "wait", "--token", token, "--poll-interval", FastFakes.Poll);
        var byId = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "wait", id, "--poll-interval", FastFakes.Poll);

        foreach (var result in new[] { byToken, byId })
        {
            result.ExitCode.Should().Be(0, result.ToString());
            (result.Out + result.Error).Should().NotContain("not yet visible").And.NotContain("unknown");
            result.Out.Split('\n')[0].Should().MatchRegex($"Agentset {id}: (queued|running|succeeded) \\(", "the first line is the first read");
        }
    }

    private static async Task<string> MixpeekTriggerAsync(FakeService fake)
    {
        var created = await Cli.RunAsync(Cli.Env(fake), "mixpeek", "triggers", "create", "--cluster", "clu_demo", "--cron", "0 3 * * *", "--json");
        created.ExitCode.Should().Be(0, created.ToString());
        return created.Json.GetProperty("id").GetString()!;
    }

    [Theory]
    [InlineData("job_123")] // an id, not a token
    [InlineData("atr1.eyJzIjoiYWdlbnRzZXQiLCJucyI6Im5zXzEiLCJydW4iOiJqb2IxIn0")] // agentset, run "job1" (no job_ prefix)
    [InlineData("atr2.eyJzIjoiYWdlbnRzZXQifQ")] // a later version
    [InlineData("atr1.eyJzIjoiYXN0cm9wb2QiLCJucyI6InRlYW0tYSIsImluZ2VzdGlvbiI6Im5pZ2h0bHktZG9jcyIsInJ1biI6ImluZ2VzdC1uaWdodGx5LWRvY3MtN2Y5YzIifQ")] // Astropod: no status
    public async Task A_token_that_cannot_be_followed_is_a_usage_error_and_nothing_is_sent(string token)
    {
        await using var fake = FastFakes.Agentset();

        var result = await Cli.RunAsync(Cli.Env(fake), "wait", "--token", token, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Json.GetProperty("document").GetString().Should().Be("error");
        result.Json.GetProperty("error").GetProperty("kind").GetString().Should().Be("usage");
        fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Tokens_and_the_0x_service_spelling_together_are_a_usage_error()
    {
        await using var fake = FastFakes.Agentset();
        var started = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--json");

        var result = await Cli.RunAsync(Cli.Env(fake), "wait", "agentset", "job_1", "--token", started.Json.GetProperty("resumeToken").GetString()!);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("not both");
    }
}
