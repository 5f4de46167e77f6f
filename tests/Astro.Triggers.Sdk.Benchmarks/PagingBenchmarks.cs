using System.Net.Http.Json;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Agentset.Generated;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>1,000,000 jobs across 10,000 cursor pages: a hand-written cursor loop (baseline) vs the SDK's IAsyncEnumerable.</summary>
[MemoryDiagnoser]
public class PagingBenchmarks
{
    public const int Pages = 10_000;
    public const int PerPage = 100;

    private HttpClient _raw = null!;
    private AgentsetClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = Harness.Raw(new PagingHandler(Pages, PerPage));
        _sdk = Harness.Sdk<AgentsetClient>(Harness.AddAgentset, () => new PagingHandler(Pages, PerPage));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pages * PerPage)]
    public async Task<int> Raw_cursor_loop()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var url = "/v1/namespace/" + Wire.Namespace + "/ingest-jobs?perPage=100" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await _raw.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var page = (await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobListResponse))!;
            foreach (var job in page.Data)
            {
                count += job.Id.Length > 0 ? 1 : 0;
            }

            cursor = page.Pagination.HasMore ? page.Pagination.NextCursor : null;
        }
        while (cursor is not null);

        return count;
    }

    [Benchmark(OperationsPerInvoke = Pages * PerPage)]
    public async Task<int> Sdk_async_enumerable()
    {
        var count = 0;
        await foreach (var job in _sdk.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = PerPage }))
        {
            count += job.Id.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
