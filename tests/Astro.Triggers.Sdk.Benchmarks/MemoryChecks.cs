using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Agentset.Generated;
using Microsoft.Extensions.DependencyInjection;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>
/// What BenchmarkDotNet's table does not show: large-object-heap allocations for a 1 MB page (counted from the
/// runtime's GC allocation-tick events, which fire per ~100 KB allocated and say whether it was on the LOH),
/// allocation per item while paging at two page counts, the model's own allocation, and peak managed memory.
/// Run in its own process (<c>--checks</c>), single caller, so process-wide counters are this code's.
/// </summary>
internal static class MemoryChecks
{
    public static async Task<string> RunAsync()
    {
        var report = new StringBuilder();
        var onePage = Wire.ListPage(2_300, null);
        var raw = Harness.Raw(new CannedHandler(onePage));
        var sdk = Harness.Sdk<AgentsetClient>(Harness.AddAgentset, () => new CannedHandler(onePage));
        report.AppendLine(CultureInfo.InvariantCulture, $"| check | result |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| 1 MB page ({onePage.Length / 1024} KiB, 2,300 jobs) read 20× — LOH allocation ticks, raw HttpClient + ReadFromJsonAsync | {await LargeTicksAsync(() => RawPageAsync(raw, buffer: false))} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| same, Refit-style buffering (LoadIntoBufferAsync, then deserialize) — the detector's control | {await LargeTicksAsync(() => RawPageAsync(raw, buffer: true))} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| same, SDK `ListAsync(...).AsPages()` | {await LargeTicksAsync(() => SdkPageAsync(sdk))} |");

        var model = ModelBytes();
        report.AppendLine(CultureInfo.InvariantCulture, $"| one `IngestJob` deserialized alone (the model's own allocation) | {model:0} B |");
        foreach (var pages in new[] { 1_000, 10_000 })
        {
            var (perItem, peak) = await PagingAsync(pages);
            report.AppendLine(CultureInfo.InvariantCulture, $"| SDK paging {pages:N0} pages × 100 — allocated per item / peak managed heap | {perItem:0} B ({perItem - model:+0;-0} B over the model) / {peak / (1024.0 * 1024):0.0} MiB |");
        }

        return report.ToString();
    }

    private static async Task<int> LargeTicksAsync(Func<Task> read)
    {
        await read(); // warm-up: first-call allocations are not the steady state
        GC.Collect();
        using var listener = new LargeAllocationListener();
        for (var i = 0; i < 20; i++)
        {
            await read();
        }

        return listener.LargeTicks;
    }

    /// <summary>The raw read; with <paramref name="buffer"/>, first loaded into a buffer as Refit does for typed results.</summary>
    private static async Task RawPageAsync(HttpClient raw, bool buffer)
    {
        using var response = await raw.GetAsync(new Uri("/v1/namespace/ns_bench/ingest-jobs", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        if (buffer)
        {
            await response.Content.LoadIntoBufferAsync();
        }

        _ = await response.Content.ReadFromJsonAsync(AgentsetJsonContext.Default.IngestJobListResponse);
    }

    private static async Task SdkPageAsync(AgentsetClient sdk)
    {
        await foreach (var _ in sdk.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 100 }).AsPages())
        {
            break;
        }
    }

    private static double ModelBytes()
    {
        var json = Wire.Utf8(Wire.Job(1));
        JsonSerializer.Deserialize(json, AgentsetJsonContext.Default.IngestJob);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            JsonSerializer.Deserialize(json, AgentsetJsonContext.Default.IngestJob);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1_000.0;
    }

    private static async Task<(double PerItem, long Peak)> PagingAsync(int pages)
    {
        using var provider = BuildProvider(pages);
        var client = provider.GetRequiredService<AgentsetClient>();
        await foreach (var _ in client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 100 }).AsPages())
        {
            break;
        }

        GC.Collect();
        var peak = 0L;
        var count = 0;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await foreach (var job in client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 100 }))
        {
            if (++count % 10_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }

        return ((GC.GetTotalAllocatedBytes(precise: true) - before) / (double)count, peak);
    }

    private static ServiceProvider BuildProvider(int pages)
    {
        var services = new ServiceCollection();
        Harness.AddAgentset(services).ConfigurePrimaryHttpMessageHandler(() => new PagingHandler(pages, 100));
        return services.BuildServiceProvider();
    }

    /// <summary>Counts GCAllocationTick events whose AllocationKind is 1 (large object heap).</summary>
    private sealed class LargeAllocationListener : EventListener
    {
        private int _large;

        public int LargeTicks => Volatile.Read(ref _large);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true
                && eventData.PayloadNames?.IndexOf("AllocationKind") is int index and >= 0
                && Convert.ToInt32(eventData.Payload![index], CultureInfo.InvariantCulture) == 1)
            {
                Interlocked.Increment(ref _large);
            }
        }
    }
}
