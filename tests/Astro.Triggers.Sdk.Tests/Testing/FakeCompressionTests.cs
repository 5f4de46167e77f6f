using System.IO.Compression;
using System.Net;
using System.Text;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Shipyard;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>Issue 18 #4: the fakes compress as the services' servers do — by the request's Accept-Encoding, on by default
/// (FakeServiceOptions.CompressResponses) — and the SDK's clients read the compressed answers.</summary>
public sealed class FakeCompressionTests
{
    private static async Task<(string? Encoding, string Body, long WireBytes)> GetRawAsync(Uri baseAddress, string path, string apiKey, string? acceptEncoding, string header = "Authorization")
    {
        // No automatic decompression: the test sees the bytes as sent.
        using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(header, header == "Authorization" ? "Bearer " + apiKey : apiKey);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Stream decoded = encoding switch
        {
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            _ => new MemoryStream(bytes),
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return (encoding, await reader.ReadToEndAsync(), bytes.LongLength);
    }

    private static async Task<AgentsetFake> FakeWithJobsAsync(bool compress)
    {
        var fake = AgentsetFake.Start(new AgentsetFakeOptions { CompressResponses = compress });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        for (var i = 0; i < 20; i++)
        {
            await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Name = $"report {i}", Payload = new TextPayload { Text = "Revenue grew 12% in the third quarter." } });
        }

        return fake;
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip, br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task The_fake_compresses_by_the_requests_accept_encoding(string? acceptEncoding, string? expected)
    {
        await using var fake = await FakeWithJobsAsync(compress: true);
        var path = $"v1/namespace/{fake.NamespaceId}/ingest-jobs?perPage=20";

        var (encoding, body, wireBytes) = await GetRawAsync(fake.BaseAddress, path, fake.ApiKey, acceptEncoding);
        var (_, identity, identityBytes) = await GetRawAsync(fake.BaseAddress, path, fake.ApiKey, acceptEncoding: null);

        encoding.Should().Be(expected);
        body.Should().Be(identity, "the same answer, only encoded");
        if (expected is not null)
        {
            wireBytes.Should().BeLessThan(identityBytes / 3);
        }
    }

    [Fact]
    public async Task With_compression_off_the_fake_never_compresses()
    {
        await using var fake = await FakeWithJobsAsync(compress: false);

        var (encoding, _, _) = await GetRawAsync(fake.BaseAddress, $"v1/namespace/{fake.NamespaceId}/ingest-jobs", fake.ApiKey, "gzip, br");

        encoding.Should().BeNull();
    }

    [Fact]
    public async Task Csv_answers_are_compressed_too_and_the_sdk_reads_them()
    {
        await using var fake = ShipyardFake.Start();
        using var client = new Sdk.Shipyard.ShipyardClient(fake.CreateClientOptions());
        await client.FleetRuns.StartAsync(fake.OrgId, fake.ProjectId, fake.FleetId);

        var runs = await client.FleetRuns.ListAsync(fake.OrgId, fake.ProjectId, fake.FleetId).ToListAsync();
        var (encoding, _, _) = await GetRawAsync(fake.BaseAddress, $"orgs/{fake.OrgId}/projects/{fake.ProjectId}/fleets/{fake.FleetId}/fleetruns", fake.ApiKey, "gzip", "X-Shipyard-API-Key");

        runs.Should().ContainSingle();
        encoding.Should().Be("gzip");
        fake.Requests.Should().OnlyContain(r => r.Header("Accept-Encoding") == "gzip, br" || r.Header("Accept-Encoding") == "gzip");
    }

    [Fact]
    public async Task The_sdk_lists_a_compressed_page_from_the_fake()
    {
        await using var fake = await FakeWithJobsAsync(compress: true);
        using var client = new AgentsetClient(fake.CreateClientOptions());

        var jobs = await client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 20 }).ToListAsync();

        jobs.Should().HaveCount(20);
        fake.Requests[^1].Header("Accept-Encoding").Should().Be("gzip, br");
    }
}
