using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Agentset.Generated;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Agentset get, create and a 100-item list page: raw HttpClient (baseline) vs the generated request methods alone vs the SDK.</summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class AgentsetBenchmarks
{
    private const string Jobs = "/v1/namespace/" + Wire.Namespace + "/ingest-jobs";
    private static readonly byte[] Page = Wire.ListPage(100, "p1");
    private static readonly CreateIngestJobRequest Create = new()
    {
        Name = "quarterly report",
        ExternalId = "doc-42",
        Payload = new TextPayload { Text = "Revenue grew 12% in the third quarter." },
    };

    private HttpClient _rawJob = null!, _rawCreated = null!, _rawPage = null!;
    private HttpClient _requestsJob = null!, _requestsCreated = null!, _requestsPage = null!;
    private AgentsetClient _sdkJob = null!, _sdkCreated = null!, _sdkPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_rawJob, _requestsJob, _sdkJob) = Build(() => new CannedHandler(Wire.JobEnvelope));
        (_rawCreated, _requestsCreated, _sdkCreated) = Build(() => new CannedHandler(Wire.JobEnvelope, HttpStatusCode.Created));
        (_rawPage, _requestsPage, _sdkPage) = Build(() => new CannedHandler(Page));
    }

    private static (HttpClient, HttpClient, AgentsetClient) Build(Func<HttpMessageHandler> handler) =>
        (Harness.Raw(handler()), Harness.Raw(handler()),
         Harness.Sdk<AgentsetClient>(Harness.AddAgentset, handler));

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public async Task<IngestJob> Get_Raw()
    {
        using var response = await _rawJob.GetAsync(new Uri(Jobs + "/" + Wire.JobId, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobResponse))!.Data;
    }

    [Benchmark, BenchmarkCategory("Get")]
    public async Task<IngestJob> Get_Requests()
    {
        using var response = await AgentsetRequests.GetIngestJobAsync(_requestsJob, Wire.Namespace, Wire.JobId, null, Harness.Call, default);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobResponse))!.Data;
    }

    [Benchmark, BenchmarkCategory("Get")]
    public Task<IngestJob> Get_Sdk() => _sdkJob.IngestJobs.GetAsync(Wire.JobId);

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public async Task<IngestJob> Create_Raw()
    {
        using var response = await _rawCreated.PostAsJsonAsync(new Uri(Jobs, UriKind.Relative), Create, AgentsetJsonContext.Default.CreateIngestJobRequest);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobResponse))!.Data;
    }

    [Benchmark, BenchmarkCategory("Create")]
    public async Task<IngestJob> Create_Requests()
    {
        using var response = await AgentsetRequests.CreateIngestJobAsync(_requestsCreated, Wire.Namespace, Create, null, Harness.Call, default);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobResponse))!.Data;
    }

    [Benchmark, BenchmarkCategory("Create")]
    public Task<IngestJob> Create_Sdk() => _sdkCreated.IngestJobs.CreateAsync(Create);

    [Benchmark(Baseline = true), BenchmarkCategory("List100")]
    public async Task<int> List100_Raw()
    {
        using var response = await _rawPage.GetAsync(new Uri(Jobs + "?perPage=100", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobListResponse))!.Data.Count;
    }

    [Benchmark, BenchmarkCategory("List100")]
    public async Task<int> List100_Requests()
    {
        using var response = await AgentsetRequests.ListIngestJobsAsync(_requestsPage, Wire.Namespace, null, null, null, null, null, 100, null, Harness.Call, default);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobListResponse))!.Data.Count;
    }

    [Benchmark, BenchmarkCategory("List100")]
    public async Task<int> List100_Sdk()
    {
        await foreach (var page in _sdkPage.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 100 }).AsPages())
        {
            return page.Items.Count;
        }

        return 0;
    }
}
