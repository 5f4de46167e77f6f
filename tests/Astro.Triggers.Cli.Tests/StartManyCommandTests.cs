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
