using System.Text.Json;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>The generated request methods and typed operations, over real HTTP to WireMock on loopback:
/// the exact request the server saw, and the deserialized response.</summary>
public sealed class GeneratedAgentsetApiTests : WireMockTestBase
{
    // The generated operations build each call's context from the client's options and the per-call ones.
    private static RequestOptions? Call => new() { Retry = RetryOptions.None };

    private readonly AgentsetOperations _operations;

    public GeneratedAgentsetApiTests()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "test-key");
        _operations = new AgentsetOperations(
            http,
            new AgentsetClientOptions { BaseAddress = BaseAddress, ApiKey = "test-key", Timeout = Timeout.InfiniteTimeSpan, MaxResponseBytes = 1024 * 1024 });
    }

    [Fact]
    public async Task ListIngestJobs_sends_every_filter_and_reads_the_page()
    {
        Server.Given(Request.Create().UsingGet().WithPath("/v1/namespace/ns_123/ingest-jobs"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(AgentsetJson.Page("cur_2", hasMore: true, "job_1", "job_2")));

        var page = await _operations.ListIngestJobsAsync(
            "ns_123",
            [IngestJobStatus.QueuedForDelete, IngestJobStatus.Processing],
            IngestJobOrderBy.CreatedAt,
            AgentsetSortOrder.Asc,
            "cur_1",
            CursorDirection.Backward,
            50,
            "tenant42",
            Call, CancellationToken.None);

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.AbsolutePath.Should().Be("/v1/namespace/ns_123/ingest-jobs");
        // statuses: comma-separated as Agentset documents it (openapi: style form, explode false).
        new Uri(request.AbsoluteUrl).Query.Should().Be(
            "?statuses=QUEUED_FOR_DELETE%2CPROCESSING&orderBy=createdAt&order=asc&cursor=cur_1&cursorDirection=backward&perPage=50");
        request.Headers!["x-tenant-id"].Should().Equal("tenant42");
        request.Headers!["Authorization"].Should().Equal("Bearer test-key");

        page.Success.Should().BeTrue();
        page.Data.Select(j => j.Id).Should().Equal("job_1", "job_2");
        page.Pagination.NextCursor.Should().Be("cur_2");
        page.Pagination.PrevCursor.Should().BeNull();
        page.Pagination.HasMore.Should().BeTrue();

        var job = page.Data[0];
        job.Status.Should().Be(IngestJobStatus.Queued);
        job.NamespaceId.Should().Be("ns_123");
        job.ExternalId.Should().Be("ext-42");
        job.TenantId.Should().BeNull();
        job.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero));
        job.ProcessingAt.Should().BeNull();
        // The discriminator is not the first property on the wire; the union still resolves.
        job.Payload.Should().BeOfType<FilePayload>().Which.FileUrl.Should().Be(new Uri("https://files.example.com/q3.pdf"));
        job.Config!.Mode.Should().Be(IngestParsingMode.Accurate);
        job.Config.LanguageCode.Should().Be(IngestLanguageCode.En);
        job.Config.Metadata!["team"].Should().BeOfType<JsonElement>().Which.GetString().Should().Be("finance");
    }

    [Fact]
    public async Task ListIngestJobs_omits_unset_query_parameters_and_headers()
    {
        Server.Given(Request.Create().UsingGet().WithPath("/v1/namespace/ns_123/ingest-jobs"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(AgentsetJson.Page("", hasMore: false)));

        var page = await _operations.ListIngestJobsAsync("ns_123", null, null, null, null, null, null, null, Call, CancellationToken.None);

        var request = SingleRequest();
        new Uri(request.AbsoluteUrl).Query.Should().BeEmpty();
        request.Headers!.Keys.Should().NotContain("x-tenant-id");
        page.Data.Should().BeEmpty();
        page.Pagination.NextCursor.Should().BeNull();
        page.Pagination.HasMore.Should().BeFalse();
    }

    [Fact]
    public async Task CreateIngestJob_posts_the_discriminated_payload_as_camelCase_json()
    {
        Server.Given(Request.Create().UsingPost().WithPath("/v1/namespace/ns_123/ingest-jobs"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBody(AgentsetJson.Single("job_new")));

        var body = new CreateIngestJobRequest
        {
            Name = "Quarterly report",
            ExternalId = "ext-42",
            Payload = new TextPayload { Text = "hello world", FileName = "hello.txt" },
            Config = new IngestJobConfig { ChunkSize = 512, Mode = IngestParsingMode.Fast, Metadata = new Dictionary<string, object> { ["team"] = "finance" } },
        };

        var created = await _operations.CreateIngestJobAsync("ns_123", body, "tenant42", Call, CancellationToken.None);

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.AbsolutePath.Should().Be("/v1/namespace/ns_123/ingest-jobs");
        request.Headers!["Content-Type"].Single().Should().StartWith("application/json");
        request.Headers!["x-tenant-id"].Should().Equal("tenant42");
        using var sent = JsonDocument.Parse(request.Body!);
        var root = sent.RootElement;
        root.GetProperty("name").GetString().Should().Be("Quarterly report");
        root.GetProperty("externalId").GetString().Should().Be("ext-42");
        root.GetProperty("payload").GetProperty("type").GetString().Should().Be("TEXT");
        root.GetProperty("payload").GetProperty("text").GetString().Should().Be("hello world");
        root.GetProperty("payload").GetProperty("fileName").GetString().Should().Be("hello.txt");
        root.GetProperty("config").GetProperty("chunkSize").GetInt64().Should().Be(512);
        root.GetProperty("config").GetProperty("mode").GetString().Should().Be("fast");
        root.GetProperty("config").GetProperty("metadata").GetProperty("team").GetString().Should().Be("finance");
        root.GetProperty("config").TryGetProperty("languageCode", out _).Should().BeFalse("unset fields are not sent");

        created.Data.Id.Should().Be("job_new");
    }

    [Fact]
    public async Task GetIngestJob_escapes_path_parameters_so_they_cannot_change_the_route()
    {
        Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(AgentsetJson.Single("job_1", "COMPLETED")));

        var job = await _operations.GetIngestJobAsync("ns_1", "job_../x?y#z", null, Call, CancellationToken.None);

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        new Uri(request.AbsoluteUrl).AbsolutePath.Should().Be("/v1/namespace/ns_1/ingest-jobs/job_..%2Fx%3Fy%23z");
        job.Data.Status.Should().Be(IngestJobStatus.Completed);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    public async Task DeleteIngestJob_accepts_200_with_the_job_and_204_without_a_body(int status)
    {
        var response = Response.Create().WithStatusCode(status);
        Server.Given(Request.Create().UsingDelete().WithPath("/v1/namespace/ns_123/ingest-jobs/job_9"))
            .RespondWith(status == 200 ? response.WithBody(AgentsetJson.Single("job_9", "QUEUED_FOR_DELETE")) : response);

        var deleted = await _operations.DeleteIngestJobAsync("ns_123", "job_9", "t1", Call, CancellationToken.None);

        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.AbsolutePath.Should().Be("/v1/namespace/ns_123/ingest-jobs/job_9");
        request.Headers!["x-tenant-id"].Should().Equal("t1");
        if (status == 200)
        {
            deleted!.Data.Status.Should().Be(IngestJobStatus.QueuedForDelete);
        }
        else
        {
            deleted.Should().BeNull();
        }
    }

    [Fact]
    public async Task ReIngestJob_posts_without_a_body_and_reads_the_id()
    {
        Server.Given(Request.Create().UsingPost().WithPath("/v1/namespace/ns_123/ingest-jobs/job_7/re-ingest"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "success": true, "data": { "id": "job_7" } }"""));

        var result = await _operations.ReIngestJobAsync("ns_123", "job_7", null, Call, CancellationToken.None);

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.AbsolutePath.Should().Be("/v1/namespace/ns_123/ingest-jobs/job_7/re-ingest");
        request.Body.Should().BeNullOrEmpty();
        result.Data.Id.Should().Be("job_7");
    }

    [Fact]
    public async Task Every_payload_kind_round_trips_through_the_generated_context()
    {
        IngestJobPayload[] payloads =
        [
            new TextPayload { Text = "t" },
            new FilePayload { FileUrl = new Uri("https://x.example/a.pdf") },
            new ManagedFilePayload { Key = "k1" },
            new CrawlPayload { Url = new Uri("https://x.example"), MaxDepth = 2, IncludePaths = ["/docs"] },
            new YoutubePayload { Urls = [new Uri("https://youtu.be/abc")], TranscriptLanguages = [IngestLanguageCode.No] },
            new BatchPayload { Items = [new BatchTextItem { Text = "a" }, new BatchManagedFileItem { Key = "k" }] },
        ];
        string[] discriminators = ["TEXT", "FILE", "MANAGED_FILE", "CRAWL", "YOUTUBE", "BATCH"];

        for (var i = 0; i < payloads.Length; i++)
        {
            var json = JsonSerializer.Serialize(payloads[i], AgentsetJsonContext.Default.IngestJobPayload);
            JsonDocument.Parse(json).RootElement.GetProperty("type").GetString().Should().Be(discriminators[i]);
            JsonSerializer.Deserialize(json, AgentsetJsonContext.Default.IngestJobPayload).Should().BeOfType(payloads[i].GetType());
        }

        JsonSerializer.Serialize(payloads[4], AgentsetJsonContext.Default.IngestJobPayload).Should().Contain("\"transcriptLanguages\":[\"no\"]");
    }
}
