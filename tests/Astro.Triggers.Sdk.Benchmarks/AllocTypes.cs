using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary><c>--alloc-types NAME</c>: which types one benchmark variant allocates, from the runtime's sampled
/// GCAllocationTick events (one per ~100 KB allocated) over many calls — where to look while cutting bytes.</summary>
internal sealed class AllocTypes : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || !e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
        {
            return;
        }

        var type = e.Payload![e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    public static async Task<string> RunAsync(string name)
    {
        var agentset = new AgentsetBenchmarks();
        agentset.Setup();
        var triggers = new TriggerBenchmarks();
        triggers.Setup();
        var method = typeof(AgentsetBenchmarks).GetMethod(name) is { } m
            ? (Func<Task>)(() => (Task)m.Invoke(agentset, null)!)
            : () => (Task)typeof(TriggerBenchmarks).GetMethod(name)!.Invoke(triggers, null)!;
        for (var i = 0; i < 2_000; i++)
        {
            await method();
        }

        using var listener = new AllocTypes();
        listener._on = true;
        const int n = 200_000;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < n; i++)
        {
            await method();
        }

        var total = GC.GetTotalAllocatedBytes(precise: true) - before;
        listener._on = false;
        var sampled = listener._bytes.Values.Sum();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{name}: {total / (double)n:0} B per call; sampled share per type (B per call):");
        foreach (var (type, bytes) in listener._bytes.OrderByDescending(p => p.Value).Take(45))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{bytes / (double)sampled * total / n,8:0.0}  {type}");
        }

        return report.ToString();
    }
}
