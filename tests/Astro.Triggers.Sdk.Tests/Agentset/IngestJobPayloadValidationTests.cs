using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>A create body Agentset would answer 422 is refused before sending (issue 25: a create with no payload or
/// with <c>TextPayload { Text = "" }</c> went out and came back 422). Real HTTP against the Agentset fake; every refusal
/// asserts the fake saw no request, and every accepted edge value is created by the fake.</summary>
public sealed class IngestJobPayloadValidationTests : IAsyncDisposable
{
    private readonly AgentsetFake _fake = AgentsetFake.Start();
    private readonly AgentsetClient _client;

    public IngestJobPayloadValidationTests()
    {
        _client = new AgentsetClient(_fake.CreateClientOptions());
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    public static TheoryData<string, Func<CreateIngestJobRequest>, string> Refused => new()
    {
        { "no payload (the default, kind-less IngestJobPayload)", () => new CreateIngestJobRequest(), "job.Payload" },
        { "null payload", () => new CreateIngestJobRequest { Payload = null! }, "job.Payload" },
        { "empty text", () => Job(new TextPayload { Text = "" }), "job.Payload.Text" },
        { "whitespace text", () => Job(new TextPayload { Text = " \n\t " }), "job.Payload.Text" },
        { "null text", () => Job(new TextPayload()), "job.Payload.Text" },
        { "no file URL", () => Job(new FilePayload()), "job.Payload.FileUrl" },
        { "relative file URL", () => Job(new FilePayload { FileUrl = new Uri("/files/a.pdf", UriKind.Relative) }), "job.Payload.FileUrl" },
        { "ftp file URL", () => Job(new FilePayload { FileUrl = new Uri("ftp://example.com/a.pdf") }), "job.Payload.FileUrl" },
        { "empty managed key", () => Job(new ManagedFilePayload { Key = "" }), "job.Payload.Key" },
        { "whitespace managed key", () => Job(new ManagedFilePayload { Key = "  " }), "job.Payload.Key" },
        { "crawl without URL", () => Job(new CrawlPayload()), "job.Payload.Url" },
        { "crawl file: URL", () => Job(new CrawlPayload { Url = new Uri("file:///etc/passwd") }), "job.Payload.Url" },
        { "crawl depth 0", () => Job(new CrawlPayload { Url = new Uri("https://example.com"), MaxDepth = 0 }), "job.Payload.MaxDepth" },
        { "crawl limit 0", () => Job(new CrawlPayload { Url = new Uri("https://example.com"), Limit = 0 }), "job.Payload.Limit" },
        { "crawl empty include path", () => Job(new CrawlPayload { Url = new Uri("https://example.com"), IncludePaths = ["/docs", ""] }), "job.Payload.IncludePaths[1]" },
        { "crawl header with CR/LF", () => Job(new CrawlPayload { Url = new Uri("https://example.com"), Headers = new Dictionary<string, string> { ["X-A"] = "a\r\nX-Evil: 1" } }), "job.Payload.Headers[\"X-A\"]" },
        { "no YouTube URLs", () => Job(new YoutubePayload()), "job.Payload.Urls" },
        { "relative YouTube URL", () => Job(new YoutubePayload { Urls = [new Uri("watch?v=1", UriKind.Relative)] }), "job.Payload.Urls[0]" },
        { "empty batch", () => Job(new BatchPayload()), "job.Payload.Items" },
        { "batch with empty text", () => Job(new BatchPayload { Items = [new BatchTextItem { Text = "ok" }, new BatchTextItem { Text = "" }] }), "job.Payload.Items[1].Text" },
        { "batch with kind-less item", () => Job(new BatchPayload { Items = [new BatchItem()] }), "job.Payload.Items[0]" },
        { "batch with null item", () => Job(new BatchPayload { Items = [null!] }), "job.Payload.Items[0]" },
        { "batch file without URL", () => Job(new BatchPayload { Items = [new BatchFileItem()] }), "job.Payload.Items[0].FileUrl" },
        { "batch managed file with empty key", () => Job(new BatchPayload { Items = [new BatchManagedFileItem { Key = "" }] }), "job.Payload.Items[0].Key" },
        { "batch item chunk size 31", () => Job(new BatchPayload { Items = [new BatchTextItem { Text = "a", Config = new IngestJobConfig { ChunkSize = 31 } }] }), "job.Payload.Items[0].Config.ChunkSize" },
        { "job chunk size 31", () => new CreateIngestJobRequest { Payload = new TextPayload { Text = "a" }, Config = new IngestJobConfig { ChunkSize = 31 } }, "job.Config.ChunkSize" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Create_refuses_before_sending(string because, Func<CreateIngestJobRequest> job, string argument)
    {
        var error = (await _client.Invoking(c => c.IngestJobs.CreateAsync(job())).Should().ThrowAsync<ArgumentException>(because)).Which;

        error.ParamName.Should().Be(argument);
        error.Message.Should().Contain($"'{argument}'");
        _fake.Requests.Should().BeEmpty("a body the service would answer 422 must not cost a request");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Start_refuses_before_sending(string because, Func<CreateIngestJobRequest> job, string argument)
    {
        (await _client.Invoking(c => c.IngestJobs.StartAsync(job())).Should().ThrowAsync<ArgumentException>(because)).Which.ParamName.Should().Be(argument);
        _fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_messages_say_the_rule()
    {
        (await Message(new CreateIngestJobRequest())).Should().Contain("must be one of TextPayload, FilePayload").And.Contain("has no kind");
        (await Message(Job(new TextPayload { Text = "" }))).Should().Contain("'job.Payload.Text' must not be empty or whitespace");
        (await Message(Job(new FilePayload { FileUrl = new Uri("ftp://example.com/a") }))).Should().Contain("must be an absolute http(s) URL (was 'ftp://example.com/a')");
        (await Message(Job(new BatchPayload()))).Should().Contain("'job.Payload.Items' must hold at least one item");
        (await Message(Job(new CrawlPayload { Url = new Uri("https://example.com"), Limit = 0 }))).Should().Contain("'job.Payload.Limit' must be at least 1");
    }

    public static TheoryData<string, Func<IngestJobPayload>> Accepted => new()
    {
        { "one-character text with line breaks", () => new TextPayload { Text = "a\r\n\tb" } },
        { "http file URL", () => new FilePayload { FileUrl = new Uri("http://example.com/a.pdf") } },
        { "managed key", () => new ManagedFilePayload { Key = "uploads/a.pdf" } },
        { "crawl at the minimums", () => new CrawlPayload { Url = new Uri("https://example.com"), MaxDepth = 1, Limit = 1, Headers = new Dictionary<string, string> { ["X-A"] = "" } } },
        { "one YouTube URL", () => new YoutubePayload { Urls = [new Uri("https://youtube.com/watch?v=1")] } },
        { "batch of each kind", () => new BatchPayload { Items = [new BatchTextItem { Text = "a", Config = new IngestJobConfig { ChunkSize = 32 } }, new BatchFileItem { FileUrl = new Uri("https://example.com/a") }, new BatchManagedFileItem { Key = "k" }] } },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Valid_edge_values_are_sent_and_created(string because, Func<IngestJobPayload> payload)
    {
        var job = await _client.IngestJobs.CreateAsync(Job(payload()));

        job.Id.Should().StartWith("job_", because);
        _fake.Requests.Should().ContainSingle();
    }

    private static CreateIngestJobRequest Job(IngestJobPayload payload) => new() { Payload = payload };

    private async Task<string> Message(CreateIngestJobRequest job) =>
        (await _client.Invoking(c => c.IngestJobs.CreateAsync(job)).Should().ThrowAsync<ArgumentException>()).Which.Message;
}
