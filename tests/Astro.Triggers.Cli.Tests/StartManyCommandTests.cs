using Astro.Triggers.Sdk.Testing.Agentset;
using System.Text.Json;

namespace Astro.Triggers.Cli.Tests;

/// <summary><c>agentset ingest-jobs start --from FILE</c>: one job per JSON line, started exactly once where an
/// externalId makes a lost answer decidable; plain lines, --jsonl, one --json "starts" document (schema-checked by
/// <see cref="Cli"/>), --wait.</summary>
public sealed class StartManyCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"astro-start-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_file);

    private string Lines(params string[] lines)
    {
        File.WriteAllLines(_file, lines);
        return _file;
    }

    [Fact]
    public async Task A_lost_create_answer_is_reconciled_and_the_summary_document_counts_each_outcome()
    {
        await using var fake = FastFakes.Agentset();
        fake.Faults.For("createIngestJob", r => r.Body.Contains("\"doc-2\"", StringComparison.Ordinal)).ServerErrorAfterProcessing();
        var file = Lines(
            """{"externalId": "doc-1", "text": "one"}""",
            """{"externalId": "doc-2", "text": "two", "name": "second"}""",
            "",
            """{"externalId": "doc-3", "url": "https://example.com/docs"}""");

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--from", file, "--concurrency", "2", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var counts = result.Json.GetProperty("counts");
        counts.GetProperty("jobs").GetInt32().Should().Be(3);
        counts.GetProperty("started").GetInt32().Should().Be(3);
        var starts = result.Json.GetProperty("starts").EnumerateArray().ToList();
        var second = starts.Single(s => s.GetProperty("externalId").GetString() == "doc-2");
        second.GetProperty("reconciliation").GetString().Should().Be("created");
        second.GetProperty("line").GetInt32().Should().Be(2);
        starts.Single(s => s.GetProperty("externalId").GetString() == "doc-3").GetProperty("line").GetInt32().Should().Be(4, "blank lines are skipped but counted");
        result.Json.GetProperty("runs").ValueKind.Should().Be(JsonValueKind.Null);
        fake.ExternalIdCounts.Should().HaveCount(3).And.OnlyContain(c => c.Value == 1);
    }

    [Fact]
    public async Task Jsonl_prints_one_object_per_outcome_and_a_refusal_exits_4()
    {
        await using var fake = FastFakes.Agentset();
        var file = Lines("""{"externalId": "a", "text": "fine"}""", """{"externalId": "b", "text": "   "}""");

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--from", file, "--jsonl");

        result.ExitCode.Should().Be(4, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().HaveCount(2);
        lines.Single(l => l.GetProperty("externalId").GetString() == "a").GetProperty("outcome").GetString().Should().Be("started");
        var refused = lines.Single(l => l.GetProperty("externalId").GetString() == "b");
        refused.GetProperty("outcome").GetString().Should().Be("refused");
        refused.GetProperty("error").GetProperty("kind").GetString().Should().Be("usage");
        lines.Should().AllSatisfy(l => Schema.IsValid($$"""{"document":"starts","service":"Agentset","exitCode":4,"error":{"kind":"runs","message":"x"},"counts":{"jobs":1,"started":0,"refused":1,"ambiguous":0},"starts":[{{l.GetRawText()}}],"runs":null}""").Should().BeTrue());
        result.Error.Should().Contain("2 jobs: 1 started, 1 refused, 0 ambiguous");
    }

    [Fact]
    public async Task Wait_follows_every_started_job_to_its_end()
    {
        await using var fake = FastFakes.Agentset();
        var file = Lines("""{"externalId": "w1", "text": "one"}""", """{"externalId": "w2", "text": "two"}""");

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--from", file, "--wait", "--json", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Should().Equal("succeeded", "succeeded");
    }

    [Fact]
    public async Task Wait_follows_the_started_jobs_as_one_group_reading_the_namespace_list_not_each_job()
    {
        await using var fake = FastFakes.Agentset();
        var file = Lines([.. Enumerable.Range(1, 12).Select(i => $$"""{"externalId": "g{{i}}", "text": "doc {{i}}"}""")]);

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--from", file, "--wait", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(0, result.ToString());
        var reads = fake.Requests.Where(r => r.OperationId is "listIngestJobs" or "getIngestJob").ToList();
        reads.Should().Contain(r => r.OperationId == "listIngestJobs");
        reads.Count(r => r.OperationId == "getIngestJob").Should().Be(0, "every started job is in the namespace's list");
        // Redirected output: a line per job as it ends, and progress lines; the summary on stderr counts the reads.
        result.Out.Split('\n').Count(l => l.Contains(": succeeded (", StringComparison.Ordinal)).Should().Be(12, result.ToString());
        result.Out.Should().Contain("12/12 ended");
        result.Error.Should().Contain("12 runs: 12 succeeded").And.Contain("status reads");
    }

    [Fact]
    public async Task Wait_with_jsonl_prints_each_start_then_each_run_document_as_it_ends()
    {
        await using var fake = FastFakes.Agentset();
        var file = Lines("""{"externalId": "j1", "text": "one"}""", """{"externalId": "j2", "text": "two"}""");

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--from", file, "--wait", "--jsonl", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().HaveCount(4, result.ToString());
        lines.Take(2).Should().OnlyContain(l => l.GetProperty("outcome").GetString() == "started");
        lines.Skip(2).Should().OnlyContain(l => l.GetProperty("document").GetString() == "run" && l.GetProperty("status").GetString() == "succeeded");
        lines.Skip(2).Should().AllSatisfy(l => Schema.IsValid(l.GetRawText()).Should().BeTrue(l.GetRawText()));
    }

    [Fact]
    public async Task Timeout_is_kept_to_the_letter_for_a_group_a_last_read_at_the_deadline_sees_runs_that_ended_and_the_rest_exit_3()
    {
        // Jobs end 1.2 s after they start; the group's scheduled reads fall at 1 s and (next) 2 s, past the 1.5 s deadline:
        // only the group's last read at the deadline can see them end.
        await using var quick = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMilliseconds(1200), PreProcessingTime = TimeSpan.Zero, ProcessingTime = TimeSpan.Zero });
        await using var slow = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromSeconds(30) });
        var file = Lines("""{"externalId": "t1", "text": "one"}""", """{"externalId": "t2", "text": "two"}""");

        var ended = await Cli.RunAsync(Cli.Env(quick), "agentset", "ingest-jobs", "start", "--from", file, "--wait", "--json", "--poll-interval", "1s", "--timeout", "1500ms");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var going = await Cli.RunAsync(Cli.Env(slow), "agentset", "ingest-jobs", "start", "--from", file, "--wait", "--json", "--poll-interval", "1s", "--timeout", "1500ms");

        ended.ExitCode.Should().Be(0, ended.ToString());
        ended.Json.GetProperty("runs").EnumerateArray().Should().OnlyContain(r => r.GetProperty("status").GetString() == "succeeded");
        going.ExitCode.Should().Be(3, going.ToString());
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1400), "the wait lasts the whole --timeout");
        var runs = going.Json.GetProperty("runs").EnumerateArray().ToList();
        runs.Should().HaveCount(2).And.OnlyContain(r => r.GetProperty("outcome").GetString() == "timed-out" && r.GetProperty("exitCode").GetInt32() == 3);
        runs.Should().OnlyContain(r => r.GetProperty("message").GetString()!.Contains("astro-triggers wait --token atr1.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timeout_shorter_than_the_poll_interval_still_ends_the_group_wait_on_time()
    {
        await using var slow = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromSeconds(60) });
        var file = Lines("""{"externalId": "s1", "text": "one"}""", """{"externalId": "s2", "text": "two"}""");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await Cli.RunAsync(Cli.Env(slow), "agentset", "ingest-jobs", "start", "--from", file, "--wait", "--json", "--poll-interval", "30s", "--timeout", "1s");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "--timeout 1s, not the 30 s poll interval");
        result.ExitCode.Should().Be(3, result.ToString());
        result.Json.GetProperty("runs").EnumerateArray().Should().HaveCount(2).And.OnlyContain(r => r.GetProperty("outcome").GetString() == "timed-out");
        // The SDK's group reads both runs at the deadline in its usual cycle: one list read of the namespace, no single reads.
        slow.Requests.Count(r => r.OperationId == "listIngestJobs").Should().Be(1, "both runs are read once at the deadline");
        slow.Requests.Count(r => r.OperationId == "getIngestJob").Should().Be(0);
    }

    [Fact]
    public async Task Every_started_line_carries_its_resume_token_and_an_interrupted_group_says_how_to_follow_each_run_again()
    {
        await using var slow = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromSeconds(60) });
        var file = Lines("""{"externalId": "i1", "text": "one"}""", """{"externalId": "i2", "text": "two"}""");
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var result = await Cli.RunAsync(Cli.Env(slow), interrupt.Token, "agentset", "ingest-jobs", "start", "--from", file, "--wait", "--jsonl", "--poll-interval", "50ms");

        result.ExitCode.Should().Be(130, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var starts = lines.Where(l => l.TryGetProperty("outcome", out var o) && o.GetString() == "started" && !l.TryGetProperty("document", out _)).ToList();
        starts.Should().HaveCount(2).And.OnlyContain(l => l.GetProperty("resumeToken").GetString()!.StartsWith("atr1.", StringComparison.Ordinal));
        lines.Where(l => l.TryGetProperty("document", out _)).Should().HaveCount(2).And.OnlyContain(l => l.GetProperty("outcome").GetString() == "interrupted");
        result.Error.Should().Contain("the run was NOT cancelled and goes on; follow it again with `astro-triggers wait --token atr1.")
            .And.Contain("2 still going (interrupted: not cancelled)");
    }

    [Fact]
    public async Task A_bad_line_is_a_usage_error_naming_it_and_nothing_is_sent()
    {
        await using var fake = FastFakes.Agentset();
        var file = Lines("""{"externalId": "ok", "text": "fine"}""", """{"externalId": "x"}""");

        var bad = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--from", file, "--json");
        var mixed = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--from", file, "--text", "x");

        bad.ExitCode.Should().Be(2, bad.ToString());
        bad.Error.Should().Contain("line 2");
        mixed.ExitCode.Should().Be(2, mixed.ToString());
        fake.Requests.Should().BeEmpty();
    }
}
