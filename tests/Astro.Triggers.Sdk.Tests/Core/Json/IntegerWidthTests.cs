using System.Reflection;
using System.Text.Json.Serialization;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.Tests.Mixpeek;
using Astro.Triggers.Sdk.TrueFoundry;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Json;

/// <summary>Issue 25, kind 3: an integer without a format is 64-bit in every model, generated or hand-written, and an
/// optional integer that does not fit its model reads as null (0 for a non-nullable count) with a Warning, keeping the
/// response. Every integer field of every public model is in <see cref="Fields"/> (a reflection test keeps the table
/// complete) and is read over loopback HTTP with 2^31, 2^53 + 1 and −1.</summary>
public sealed class IntegerWidthTests : ClientTestBase
{
    private const string TriggerPath = "/v1/triggers/trg_1";

    /// <summary>Every integer field of a public model: how to serve a value in it and read it back, and whether its
    /// document says <c>format: int32</c> (the only 32-bit ones).</summary>
    private static readonly Dictionary<string, (bool Int32, string Path, Func<string, string> Body, Func<IntegerWidthTests, Task<long?>> Read)> Fields = new()
    {
        ["Trigger.execution_count"] = (false, TriggerPath, v => Field(MixpeekJson.Trigger(), "execution_count", v), async t => (await t.Mixpeek().Triggers.GetAsync("trg_1")).ExecutionCount),
        ["Trigger.consecutive_failures"] = (false, TriggerPath, v => Field(MixpeekJson.Trigger(), "consecutive_failures", v), async t => (await t.Mixpeek().Triggers.GetAsync("trg_1")).ConsecutiveFailures),
        ["Trigger.event_counter"] = (false, TriggerPath, v => Field(MixpeekJson.Trigger(), "event_counter", v), async t => (await t.Mixpeek().Triggers.GetAsync("trg_1")).EventCounter),
        ["TriggerExecution.execution_time_ms"] = (false, "/v1/triggers/trg_1/history",
            v => $$"""{"trigger_id":"trg_1","executions":[{"task_id":"task_1","triggered_at":"2026-11-20T02:00:00Z","status":"COMPLETED","execution_time_ms":{{v}}}],"total":1,"offset":0,"limit":50}""",
            async t => (await t.Mixpeek().Executions.ListAsync("trg_1").FirstAsync()).ExecutionTimeMs),
        ["JobRun.totalRetries"] = (true, "/api/svc/v1/jobs/app-1/runs/r1", v => "{\"data\":{\"name\":\"r1\",\"status\":\"RUNNING\",\"totalRetries\":" + v + "}}",
            async t => (await t.TrueFoundry().JobRuns.GetAsync("app-1", "r1")).TotalRetries),
        ["JobRun.exitCode"] = (true, "/api/svc/v1/jobs/app-1/runs/r1", v => "{\"data\":{\"name\":\"r1\",\"status\":\"RUNNING\",\"exitCode\":" + v + "}}",
            async t => (await t.TrueFoundry().JobRuns.GetAsync("app-1", "r1")).ExitCode),
        ["CrawlPayload.maxDepth"] = (false, "/v1/namespace/*", v => AgentsetJob($$"""{"type":"CRAWL","url":"https://example.com","maxDepth":{{v}}}""", "{}"),
            async t => ((CrawlPayload)(await t.Agentset().IngestJobs.GetAsync("job_1")).Payload).MaxDepth),
        ["CrawlPayload.limit"] = (false, "/v1/namespace/*", v => AgentsetJob($$"""{"type":"CRAWL","url":"https://example.com","limit":{{v}}}""", "{}"),
            async t => ((CrawlPayload)(await t.Agentset().IngestJobs.GetAsync("job_1")).Payload).Limit),
        ["IngestJobConfig.chunkSize"] = (false, "/v1/namespace/*", v => AgentsetJob("""{"type":"TEXT","text":"x"}""", $$"""{"chunkSize":{{v}}}"""),
            async t => (await t.Agentset().IngestJobs.GetAsync("job_1")).Config!.ChunkSize),
    };

    public static TheoryData<string, long> Cases()
    {
        var data = new TheoryData<string, long>();
        foreach (var field in Fields.Keys)
        {
            foreach (var value in new[] { 1L << 31, (1L << 53) + 1, -1L })
            {
                data.Add(field, value);
            }
        }

        return data;
    }

    private MixpeekClient Mixpeek() => new(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

    private TrueFoundryClient TrueFoundry() => new(Configure(new TrueFoundryClientOptions()));

    private AgentsetClient Agentset() => new(Configure(new AgentsetClientOptions { NamespaceId = "ns_1" }));

    private IEnumerable<string> Warnings => Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal));

    private static string Field(string json, string name, string value) => "{\"" + name + "\":" + value + "," + json.TrimStart()[1..];

    private static string AgentsetJob(string payload, string config) =>
        $$$"""{"success":true,"data":{"id":"job_1","namespaceId":"ns_1","status":"QUEUED","payload":{{{payload}}},"config":{{{config}}},"createdAt":"2026-11-29T10:00:00Z"}}""";

    private void Serve(string path, string body) =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher(path)))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    [Fact]
    public async Task A_mixpeek_trigger_with_an_event_counter_of_3000000000_reads_whole()
    {
        // The input: 'not a whole number that fits a 32-bit integer' lost the whole trigger.
        Serve(TriggerPath, Field(MixpeekJson.Trigger(), "event_counter", "3000000000"));

        var trigger = await Mixpeek().Triggers.GetAsync("trg_1");

        trigger.TriggerId.Should().Be("trg_1");
        trigger.EventCounter.Should().Be(3000000000L);
        Warnings.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_integer_field_reads_what_its_width_holds_and_an_unfitting_value_keeps_the_response(string field, long value)
    {
        var (int32, path, body, read) = Fields[field];
        Serve(path, body(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var read1 = await read(this);

        if (!int32 || value is >= int.MinValue and <= int.MaxValue)
        {
            read1.Should().Be(value);
            Warnings.Should().BeEmpty();
        }
        else
        {
            read1.Should().BeNull("format int32 holds no {0}; the optional value reads as null and the response is kept", value);
            Warnings.Should().ContainSingle().Which.Should().Contain(field);
        }
    }

    [Theory]
    [InlineData("execution_count", "\"many\"")]
    [InlineData("consecutive_failures", "1.5")]
    [InlineData("event_counter", "null")]
    [InlineData("event_counter", "99999999999999999999")]
    public async Task A_hand_written_count_that_does_not_parse_reads_as_0_with_a_warning_and_the_trigger_is_kept(string name, string raw)
    {
        Serve(TriggerPath, Field(MixpeekJson.Trigger(), name, raw));

        var trigger = await Mixpeek().Triggers.GetAsync("trg_1");

        trigger.TriggerId.Should().Be("trg_1");
        new[] { trigger.ExecutionCount, trigger.ConsecutiveFailures, trigger.EventCounter }.Should().AllBeEquivalentTo(0L);
        Warnings.Should().ContainSingle().Which.Should().Contain($"Mixpeek getTrigger: Trigger.{name}").And.Contain(raw);
    }

    [Fact]
    public void The_table_holds_every_integer_field_of_every_public_model_and_only_documented_int32_fields_are_32_bit()
    {
        var services = new[] { "Agentset", "Astropod", "Mixpeek", "Shipyard", "TrueFoundry" }.Select(s => $"Astro.Triggers.Sdk.{s}").ToHashSet();
        var integers = new[] { typeof(int), typeof(int?), typeof(long), typeof(long?) };
        var found = typeof(TriggeredRun).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is not null && services.Contains(t.Namespace))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => integers.Contains(p.PropertyType) && p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
                .Select(p => (Key: $"{t.Name}.{p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name}", Is32: p.PropertyType == typeof(int) || p.PropertyType == typeof(int?))))
            .ToList();

        found.Select(f => f.Key).Should().BeEquivalentTo(Fields.Keys, "every integer field of a public model is read in the theory above");
        found.Where(f => f.Is32).Select(f => f.Key).Should().BeEquivalentTo(Fields.Where(f => f.Value.Int32).Select(f => f.Key),
            "only a field whose document says format int32 is an int");
    }
}
