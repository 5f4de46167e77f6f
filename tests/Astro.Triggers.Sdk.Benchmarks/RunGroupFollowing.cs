using System.Diagnostics;
using System.Globalization;
using System.Text;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Shipyard;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>
/// Issue 31's "Measured" line for run groups (<c>--groups</c>): following N = 100 / 1,000 / 10,000 runs of mixed lengths
/// with one <see cref="RunGroup{TRun}"/> against the Agentset and Shipyard fakes, over real loopback HTTP in virtual time
/// (<see cref="GroupClock"/>). Lengths are spread log-uniformly from 10 s to 30 min; every run starts at the same moment
/// and joins the group right after. Counted: the status reads the fake saw per cycle and in total, and each run's lag
/// from its end (known from the fake's timeline) to the group noticing it. "N independent waits" is the same runs each
/// followed by its own <c>WaitForCompletionAsync</c> with the same defaults: its reads are counted from the schedule
/// (<see cref="RunWaitOptions"/>: read at 0, then 1 s, … a tenth of the time waited, at most 60 s), which
/// <c>--waits</c> measured read for read on the fakes; every read costs one request.
/// </summary>
internal static class RunGroupFollowing
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(30);

    private sealed record Row(string Service, int N, int Cycles, int MaxPerCycle, long Reads, long IndependentReads, double WorstLag, double WorstLagSeconds, double Seconds);

    public static async Task<string> RunAsync(int[]? sizes = null)
    {
        sizes ??= [100, 1_000, 10_000];
        var rows = new List<Row>();
        foreach (var n in sizes)
        {
            rows.Add(await AgentsetAsync(n));
            rows.Add(await ShipyardAsync(n));
        }

        var report = new StringBuilder();
        report.AppendLine("| service | N | cycles | status reads per cycle (max) | target ≤ N/50 | reads in total | N independent waits: per cycle / in total | total vs independent | worst lag / run | worst lag (s) | wall time (s) |");
        report.AppendLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Service} | {r.N:N0} | {r.Cycles} | {r.MaxPerCycle} | {(r.MaxPerCycle <= r.N / 50.0 ? "met" : "missed")} | {r.Reads:N0} | {r.N:N0} / {r.IndependentReads:N0} | {(double)r.Reads / r.IndependentReads:P2} | {r.WorstLag:P2} | {r.WorstLagSeconds:F2} | {r.Seconds:F0} |"));
        }

        return report.ToString();
    }

    /// <summary>Run i of n: 10 s · 180^(i/(n−1)), so lengths spread evenly on a log scale from 10 s to 30 min.</summary>
    private static TimeSpan Length(int i, int n) =>
        TimeSpan.FromSeconds(Math.Round(Shortest.TotalSeconds * Math.Pow(Longest / Shortest, n == 1 ? 0 : (double)i / (n - 1)), 1));

    private static async Task<Row> AgentsetAsync(int n)
    {
        var clock = new GroupClock(Start);
        var options = new AgentsetFakeOptions { TimeProvider = clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var lengths = new Dictionary<IngestJobRun, TimeSpan>();
        for (var i = 0; i < n; i++)
        {
            var length = Length(i, n);
            // Queued 1 s and pre-processing 0.5 s come first on the fake.
            options.ProcessingTime = length - options.QueuedTime - options.PreProcessingTime;
            lengths[await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "doc " + i } })] = length;
        }

        return await FollowAsync("Agentset", clock, lengths, () => fake.Requests.Count);
    }

    private static async Task<Row> ShipyardAsync(int n)
    {
        var clock = new GroupClock(Start);
        var options = new ShipyardFakeOptions { TimeProvider = clock };
        await using var fake = ShipyardFake.Start(options);
        using var client = new ShipyardClient(fake.CreateClientOptions());
        var lengths = new Dictionary<ShipyardFleetRun, TimeSpan>();
        for (var i = 0; i < n; i++)
        {
            var length = Length(i, n);
            options.RunTime = length - options.ScheduledTime;
            lengths[await client.FleetRuns.StartAsync(fake.OrgId, fake.ProjectId, fake.FleetId)] = length;
        }

        return await FollowAsync("Shipyard", clock, lengths, () => fake.Requests.Count);
    }

    private static async Task<Row> FollowAsync<TRun>(string service, GroupClock clock, Dictionary<TRun, TimeSpan> lengths, Func<int> requests)
        where TRun : TriggeredRun
    {
        var before = requests();
        var watch = Stopwatch.StartNew();
        var group = new RunGroup<TRun>(lengths.Keys, new RunWaitOptions { Timeout = TimeSpan.FromHours(3) });
        var results = await clock.DriveAsync(p => group.WaitForAllAsync(p));
        watch.Stop();
        var failed = results.Where(r => !r.Succeeded).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"{service}: {failed.Count} runs did not succeed, e.g. {failed[0]}");
        }

        var worst = 0.0;
        var worstSeconds = 0.0;
        foreach (var result in results)
        {
            var length = lengths[result.Run];
            var lag = result.NoticedAt - (Start + length);
            if (lag < TimeSpan.Zero)
            {
                throw new InvalidOperationException($"{service}: run {result.Run.Id} was noticed before it ended.");
            }

            worstSeconds = Math.Max(worstSeconds, lag.TotalSeconds);
            worst = Math.Max(worst, lag / length);
        }

        // The group counts its reads; the fake's log (the last 10,000 requests) confirms the count while it holds them all.
        var reads = group.Progress.StatusReads;
        var recorded = requests();
        if (recorded < 10_000 && recorded - before != reads)
        {
            throw new InvalidOperationException($"{service}: the group counted {reads} status reads, the fake saw {recorded - before}.");
        }

        if (clock.ReadsPerCycle.Sum() != reads)
        {
            throw new InvalidOperationException($"{service}: the cycles' reads add up to {clock.ReadsPerCycle.Sum()}, not {reads}.");
        }

        var options = new RunWaitOptions();
        var independent = lengths.Values.Sum(l => (long)IndependentReads(options, l));
        return new Row(service, lengths.Count, clock.ReadsPerCycle.Count, clock.ReadsPerCycle.Max(), reads, independent, worst, worstSeconds, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The reads one <c>WaitForCompletionAsync</c> makes for a run that ends <paramref name="length"/> after the
    /// wait starts: one at once, then one after each wait of the schedule, the last one seeing the run ended.</summary>
    private static int IndependentReads(RunWaitOptions options, TimeSpan length)
    {
        var reads = 1;
        var at = TimeSpan.Zero;
        TimeSpan? interval = null;
        while (at < length)
        {
            interval = options.NextPollInterval(interval, at);
            at += interval.Value;
            reads++;
        }

        return reads;
    }
}
