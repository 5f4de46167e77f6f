using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Agentset.Generated;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>Agentset get, create and a 100-item list page: raw HttpClient (baseline) vs Refit alone vs the SDK.</summary>
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
    private IAgentsetApi _refitJob = null!, _refitCreated = null!, _refitPage = null!;
    private AgentsetClient _sdkJob = null!, _sdkCreated = null!, _sdkPage = null!;

    [GlobalSetup]
    public void Setup()
    {
        var settings = AgentsetOperations.CreateRefitSettings();
        (_rawJob, _refitJob, _sdkJob) = Build(() => new CannedHandler(Wire.JobEnvelope), settings);
        (_rawCreated, _refitCreated, _sdkCreated) = Build(() => new CannedHandler(Wire.JobEnvelope, HttpStatusCode.Created), settings);
        (_rawPage, _refitPage, _sdkPage) = Build(() => new CannedHandler(Page), settings);
    }

    private static (HttpClient, IAgentsetApi, AgentsetClient) Build(Func<HttpMessageHandler> handler, Refit.RefitSettings settings) =>
        (Harness.Raw(handler()), Harness.Refit<IAgentsetApi>(handler(), settings),
         Harness.Sdk<AgentsetClient>(Harness.AddAgentset, handler));

    [Benchmark(Baseline = true), BenchmarkCategory("Get")]
    public async Task<IngestJob> Get_Raw()
    {
        using var response = await _rawJob.GetAsync(new Uri(Jobs + "/" + Wire.JobId, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobResponse))!.Data;
    }

    [Benchmark, BenchmarkCategory("Get")]
    public async Task<IngestJob> Get_Refit()
    {
        using var response = await _refitJob.GetIngestJobAsync(Wire.Namespace, Wire.JobId, null, null!, default);
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
    public async Task<IngestJob> Create_Refit()
    {
        using var response = await _refitCreated.CreateIngestJobAsync(Wire.Namespace, Create, null, null!, default);
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
    public async Task<int> List100_Refit()
    {
        using var response = await _refitPage.ListIngestJobsAsync(Wire.Namespace, null, null, null, null, null, 100, null, null!, default);
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
