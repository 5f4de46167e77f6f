using System.Globalization;
using System.Text;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>
/// Issue 18 #3, as a measurement (<c>--waits</c>): <c>WaitForCompletionAsync</c> against the Agentset and TrueFoundry
/// fakes over real loopback HTTP, in virtual time (<see cref="WaitClock"/>: the clock jumps by each poll wait once the
/// wait sleeps on it), for runs of several lengths and several poll schedules. A run's length is from its trigger to
/// its last status; the wait starts right after the trigger. Counted: the status reads the fake saw, and the lag from
/// the run's end to the wait returning.
/// </summary>
internal static class WaitSchedules
{
    private const double Target = 0.10;
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan[] Lengths =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
    ];

    private static readonly TimeSpan[] IssueLengths = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(30)];

    private sealed record Policy(string Name, Func<RunWaitOptions> Options, bool BothServices);

    private static readonly Policy[] Policies =
    [
        new("before: 2 s ×1.5, cap 30 s", () => new() { PollInterval = TimeSpan.FromSeconds(2), BackoffFactor = 1.5, PollIntervalRatio = 0, MaxPollInterval = TimeSpan.FromSeconds(30) }, true),
        new("1 s ×1.1, cap 30 s", () => new() { PollInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1.1, PollIntervalRatio = 0, MaxPollInterval = TimeSpan.FromSeconds(30) }, false),
        new("1 s, 10% of waited, cap 30 s", () => new() { PollIntervalRatio = 0.1, MaxPollInterval = TimeSpan.FromSeconds(30) }, false),
        new("**new defaults**: 1 s, 10% of waited, cap 60 s", () => new(), true),
        new("1 s, 10% of waited, cap 2 min", () => new() { PollIntervalRatio = 0.1, MaxPollInterval = TimeSpan.FromMinutes(2) }, false),
    ];

    private sealed record Measured(int Reads, TimeSpan Lag, IReadOnlyList<TimeSpan> ReadTimes);

    public static async Task<string> RunAsync()
    {
        var results = new Dictionary<(string Service, Policy Policy, TimeSpan Length), Measured>();
        foreach (var policy in Policies)
        {
            foreach (var length in Lengths)
            {
                results[("Agentset", policy, length)] = await AgentsetAsync(length, Options(policy));
                if (policy.BothServices)
                {
                    results[("TrueFoundry", policy, length)] = await TrueFoundryAsync(length, Options(policy));
                }
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"`WaitForCompletionAsync` on the fakes in virtual time, real loopback HTTP; target: lag ≤ {Target:0%} of the run's length (the issue's lengths in bold). \"10% of waited\": each wait is the larger of the first interval and a tenth of the time waited so far (`PollIntervalRatio` 0.1, `BackoffFactor` 1). Timeout 3 h for every policy.");
        report.AppendLine();
        report.AppendLine("| run | policy | service | status reads | lag (s) | lag / run | ≤ 10% |");
        report.AppendLine("|---|---|---|---:|---:|---:|---|");
        foreach (var length in Lengths)
        {
            foreach (var policy in Policies)
            {
                foreach (var service in new[] { "Agentset", "TrueFoundry" })
                {
                    if (!results.TryGetValue((service, policy, length), out var m))
                    {
                        continue;
                    }

                    var share = m.Lag / length;
                    var name = IssueLengths.Contains(length) ? $"**{Format(length)}**" : Format(length);
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"| {name} | {policy.Name} | {service} | {m.Reads} | {m.Lag.TotalSeconds:0.00} | {share:0.0%} | {(share <= Target ? "met" : "missed")} |");
                }
            }
        }

        report.AppendLine();
        report.AppendLine("Every length, not only the ones above: from the read times the Agentset fake saw during the 2 h run, the worst lag / run of a run");
        report.AppendLine("ending anywhere between 10 s and 2 h (just after a read, so noticed at the next one), and the longest gap between reads.");
        report.AppendLine();
        report.AppendLine("| policy | reads for 10 s / 2 min / 30 min / 2 h | worst lag / run, runs of 10 s – 2 h | longest gap (s) | ≤ 10% for every run ≥ 10 s |");
        report.AppendLine("|---|---|---:|---:|---|");
        foreach (var policy in Policies)
        {
            var reads = string.Join(" / ", new[] { IssueLengths[0], IssueLengths[1], IssueLengths[2], TimeSpan.FromHours(2) }
                .Select(l => results[("Agentset", policy, l)].Reads.ToString(CultureInfo.InvariantCulture)));
            var (worst, gap) = Worst(results[("Agentset", policy, TimeSpan.FromHours(2))].ReadTimes);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {policy.Name} | {reads} | {worst:0.0%} | {gap.TotalSeconds:0.0} | {(worst <= Target + 1e-9 ? "met" : "missed")} |");
        }

        return report.ToString();
    }

    private static RunWaitOptions Options(Policy policy)
    {
        var options = policy.Options();
        options.Timeout = TimeSpan.FromHours(3);
        return options;
    }

    /// <summary>A run ending just after read k−1 (and after 10 s) is noticed at read k: lag / run tends to
    /// (t_k − max(t_k−1, 10 s)) / max(t_k−1, 10 s).</summary>
    private static (double Worst, TimeSpan Gap) Worst(IReadOnlyList<TimeSpan> reads)
    {
        double worst = 0;
        var gap = TimeSpan.Zero;
        for (var k = 1; k < reads.Count; k++)
        {
            gap = reads[k] - reads[k - 1] > gap ? reads[k] - reads[k - 1] : gap;
            if (reads[k] > Floor)
            {
                var from = reads[k - 1] > Floor ? reads[k - 1] : Floor;
                worst = Math.Max(worst, (reads[k] - from) / from);
            }
        }

        return (worst, gap);
    }

    private static async Task<Measured> AgentsetAsync(TimeSpan length, RunWaitOptions options)
    {
        var clock = new WaitClock(Start);
        var queued = length * 0.1;
        var preProcessing = length * 0.05;
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions
        {
            TimeProvider = clock,
            QueuedTime = queued,
            PreProcessingTime = preProcessing,
            ProcessingTime = length - queued - preProcessing,
        });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "wait" } });
        var triggered = clock.GetUtcNow();
        await clock.DriveAsync(progress => run.WaitForCompletionAsync(options, progress));
        return Measure(fake.Requests.Where(r => r.Method == "GET").Select(r => r.ReceivedAt), triggered, length, clock, run.Status);
    }

    private static async Task<Measured> TrueFoundryAsync(TimeSpan length, RunWaitOptions options)
    {
        var clock = new WaitClock(Start);
        var scheduling = length * 0.05;
        await using var fake = TrueFoundryFake.Start(new TrueFoundryFakeOptions
        {
            TimeProvider = clock,
            SchedulingTime = scheduling,
            RunTime = length - scheduling - scheduling,
        });
        using var client = new TrueFoundryClient(fake.CreateClientOptions());
        var run = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = fake.ApplicationId, Input = new JobRunInput { Command = "python etl.py" } });
        var triggered = clock.GetUtcNow();
        await clock.DriveAsync(progress => run.WaitForCompletionAsync(options, progress));
        return Measure(fake.Requests.Where(r => r.Method == "GET").Select(r => r.ReceivedAt), triggered, length, clock, run.Status);
    }

    private static Measured Measure(IEnumerable<DateTimeOffset> reads, DateTimeOffset triggered, TimeSpan length, WaitClock clock, RunStatus status)
    {
        if (status != RunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The run ended {status}.");
        }

        var times = reads.Select(at => at - triggered).ToList();
        return new Measured(times.Count, clock.GetUtcNow() - (triggered + length), times);
    }

    private static string Format(TimeSpan length) =>
        length.TotalHours >= 1 ? $"{length.TotalHours:0} h" : length.TotalMinutes >= 1 ? $"{length.TotalMinutes:0} min" : $"{length.TotalSeconds:0} s";
}
