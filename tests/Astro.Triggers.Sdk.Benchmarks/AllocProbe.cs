using System.Globalization;
using System.Text;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary><c>--alloc</c>: bytes allocated per call of each Agentset and trigger variant, measured with
/// GC.GetTotalAllocatedBytes over many sequential calls — a quick probe while cutting allocations (seconds,
/// not minutes); BenchmarkDotNet's table stays the reference.</summary>
internal static class AllocProbe
{
    public static async Task<string> RunAsync()
    {
        var agentset = new AgentsetBenchmarks();
        agentset.Setup();
        var triggers = new TriggerBenchmarks();
        triggers.Setup();
        var report = new StringBuilder();
        foreach (var (name, call) in new (string, Func<Task>)[]
        {
            ("Get_Raw", agentset.Get_Raw), ("Get_Requests", agentset.Get_Requests), ("Get_Sdk", agentset.Get_Sdk),
            ("Create_Raw", agentset.Create_Raw), ("Create_Requests", agentset.Create_Requests), ("Create_Sdk", agentset.Create_Sdk),
            ("Astropod_Requests", triggers.Astropod_Requests), ("Astropod_Sdk", triggers.Astropod_Sdk),
            ("Mixpeek_Requests", triggers.Mixpeek_Requests), ("Mixpeek_Sdk", triggers.Mixpeek_Sdk),
            ("Shipyard_Requests", triggers.Shipyard_Requests), ("Shipyard_Sdk", triggers.Shipyard_Sdk),
            ("TrueFoundry_Requests", triggers.TrueFoundry_Requests), ("TrueFoundry_Sdk", triggers.TrueFoundry_Sdk),
        })
        {
            for (var i = 0; i < 2_000; i++)
            {
                await call();
            }

            const int n = 20_000;
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < n; i++)
            {
                await call();
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"{name,-18} {(GC.GetTotalAllocatedBytes(precise: true) - before) / (double)n,8:0} B");
        }

        return report.ToString();
    }
}
