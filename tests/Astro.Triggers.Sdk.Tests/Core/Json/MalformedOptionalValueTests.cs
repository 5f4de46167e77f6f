using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.Tests.Mixpeek;
using Astro.Triggers.Sdk.TrueFoundry;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Json;

/// <summary>An optional value that does not parse reads as null, is logged as a Warning naming the operation and
/// the field with its raw value, and stays reachable in the model's AdditionalProperties; a required field that is
/// missing or malformed still fails the response naming the field. Real clients against WireMock on loopback.</summary>
public sealed class MalformedOptionalValueTests : ClientTestBase
{
    private const string BadCompletedAt = """
        {"success":true,"data":{"id":"job_1","namespaceId":"ns_1","status":"QUEUED","payload":{"type":"TEXT","text":"x"},"createdAt":"2026-11-29T10:00:00Z","completedAt":"not-a-date"}}
        """;

    private void Respond(string path, string body) =>
        Server.Given(Request.Create().WithPath(new WildcardMatcher(path)))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    private AgentsetClient Agentset() => new(Configure(new AgentsetClientOptions { NamespaceId = "ns_1" }));

    private IEnumerable<string> Warnings => Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal));

    [Fact]
    public async Task An_unparseable_optional_agentset_timestamp_reads_as_null_and_the_rest_of_the_job_is_kept()
    {
        Respond("/v1/namespace/*", BadCompletedAt);
        using var client = Agentset();

        var job = await client.IngestJobs.GetAsync("job_1");

        job.Id.Should().Be("job_1");
        job.Status.Should().Be(IngestJobStatus.Queued);
        job.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        job.CompletedAt.Should().BeNull();
        // IngestJob is additionalProperties: false in the document (no extension data): the log line carries the raw value.
        Warnings.Should().ContainSingle().Which.Should()
            .Contain("Agentset getIngestJob").And.Contain("IngestJob.completedAt").And.Contain("\"not-a-date\"");
    }

    [Fact]
    public async Task A_page_of_100_jobs_with_one_bad_optional_value_still_yields_100_jobs()
    {
        var jobs = Enumerable.Range(1, 100).Select(i => AgentsetJson.Job($"job_{i}")).ToList();
        jobs[41] = jobs[41].Replace("\"queuedAt\": \"2026-11-20T08:30:01.000Z\"", "\"queuedAt\": \"soon\"", StringComparison.Ordinal);
        Respond("/v1/namespace/*", $$$"""{"success":true,"data":[{{{string.Join(",", jobs)}}}],"pagination":{"nextCursor":null,"prevCursor":null,"hasMore":false}}""");
        using var client = Agentset();

        var read = new List<IngestJob>();
        await foreach (var job in client.IngestJobs.ListAsync())
        {
            read.Add(job);
        }

        read.Should().HaveCount(100);
        read[41].QueuedAt.Should().BeNull();
        read[40].QueuedAt.Should().Be(new DateTimeOffset(2026, 11, 20, 8, 30, 1, TimeSpan.Zero));
        Warnings.Should().ContainSingle().Which.Should().Contain("IngestJob.queuedAt").And.Contain("\"soon\"");
    }

    [Theory]
    [InlineData("\"createdAt\":\"2026-11-29T10:00:00Z\"", "\"createdAt\":\"yesterday\"", "$.data.createdAt")]
    [InlineData("\"createdAt\":\"2026-11-29T10:00:00Z\"", "\"createdAt\":12", "$.data.createdAt")]
    [InlineData("\"namespaceId\":\"ns_1\"", "\"namespaceId\":{}", "$.data.namespaceId")]
    public async Task A_malformed_required_agentset_field_fails_naming_the_field(string good, string bad, string path)
    {
        Respond("/v1/namespace/*", BadCompletedAt.Replace(good, bad, StringComparison.Ordinal));
        using var client = Agentset();

        var act = () => client.IngestJobs.GetAsync("job_1");

        var ex = (await act.Should().ThrowAsync<ResponseDeserializationException>()).Which;
        ex.OperationId.Should().Be("getIngestJob");
        ex.JsonPath.Should().Be(path);
    }

    [Theory]
    [InlineData("\"createdAt\":\"2026-11-29T10:00:00Z\",", "createdAt")]
    [InlineData("\"id\":\"job_1\",", "id")]
    public async Task A_missing_required_agentset_field_fails_naming_the_field(string field, string name)
    {
        Respond("/v1/namespace/*", BadCompletedAt.Replace(field, string.Empty, StringComparison.Ordinal));
        using var client = Agentset();

        var act = () => client.IngestJobs.GetAsync("job_1");

        (await act.Should().ThrowAsync<ResponseDeserializationException>()).Which.Message.Should().Contain($"'{name}'");
    }

    [Theory]
    [InlineData("\"createdAt\":\"2026-01-01T00:00:00Z\"", "createdAt")]
    [InlineData("\"exitCode\":1.5", "exitCode")]
    [InlineData("\"totalRetries\":\"many\"", "totalRetries")]
    [InlineData("\"duration\":[1]", "duration")]
    public async Task An_unparseable_optional_truefoundry_value_reads_as_null_and_is_kept_raw(string member, string name)
    {
        Respond("/api/svc/v1/jobs/*", $$$"""{"data":{"name":"r1","status":"RUNNING",{{{member}}}}}""");
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));

        var run = await client.JobRuns.GetAsync("app-1", "r1");

        run.Name.Should().Be("r1");
        run.Status.Should().Be(JobRunStatus.Running);
        run.AdditionalProperties.Should().ContainKey(name);
        Warnings.Should().ContainSingle().Which.Should().Contain($"TrueFoundry getJobRun: JobRun.{name}");
    }

    [Theory]
    [InlineData("""{"data":{"status":"RUNNING"}}""", "'name'")]
    [InlineData("""{"data":{"name":["r1"]}}""", "$.data.name")]
    public async Task A_missing_or_malformed_truefoundry_run_name_fails_naming_the_field(string body, string named)
    {
        Respond("/api/svc/v1/jobs/*", body);
        using var client = new TrueFoundryClient(Configure(new TrueFoundryClientOptions()));

        var act = () => client.JobRuns.GetAsync("app-1", "r1");

        (await act.Should().ThrowAsync<ResponseDeserializationException>()).Which.Message.Should().Contain(named);
    }

    [Fact]
    public async Task An_unparseable_optional_mixpeek_timestamp_reads_as_null_and_naive_ones_still_read_as_utc()
    {
        var body = MixpeekJson.Trigger().Replace("\"status\": \"active\",",
            "\"status\": \"active\", \"last_triggered_at\": \"2026-11-21T02:00:00\", \"next_scheduled_at\": \"tomorrow-ish\",", StringComparison.Ordinal);
        Respond("/v1/triggers/*", body);
        using var client = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

        var trigger = await client.Triggers.GetAsync("trg_1");

        trigger.TriggerId.Should().Be("trg_1");
        trigger.NextScheduledAt.Should().BeNull();
        trigger.LastTriggeredAt.Should().Be(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero));
        trigger.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        Warnings.Should().ContainSingle().Which.Should().Contain("Mixpeek getTrigger: Trigger.next_scheduled_at").And.Contain("tomorrow-ish");
    }

    [Fact]
    public async Task A_malformed_required_mixpeek_timestamp_still_fails_naming_the_field()
    {
        Respond("/v1/triggers/*", MixpeekJson.Trigger().Replace("\"created_at\": \"2026-11-20T08:00:00Z\"", "\"created_at\": \"never\"", StringComparison.Ordinal));
        using var client = new MixpeekClient(Configure(new MixpeekClientOptions { Namespace = "ns_prod" }));

        var act = () => client.Triggers.GetAsync("trg_1");

        (await act.Should().ThrowAsync<ResponseDeserializationException>()).Which.JsonPath.Should().Be("$.created_at");
    }

    [Fact]
    public async Task A_secret_echoed_in_a_bad_value_is_masked_in_the_warning_but_kept_for_the_caller()
    {
        Respond("/v1/namespace/*", BadCompletedAt.Replace("\"not-a-date\"", $"\"Bearer {Secret}\"", StringComparison.Ordinal));
        using var client = Agentset();

        var job = await client.IngestJobs.GetAsync("job_1");

        job.CompletedAt.Should().BeNull();
        Logs.Lines.Should().NotContain(l => l.Contains(Secret, StringComparison.Ordinal));
        Warnings.Should().ContainSingle().Which.Should().Contain("Bearer ***");
    }
}
