using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>
/// Issue 31's measurement (<c>--startmany</c>): 2,000 Agentset jobs with ExternalIds started through
/// <c>IngestJobs.StartManyAsync</c>, 32 at a time, against the fake's enforced limit while ambiguous faults are injected
/// (every 25th job's first create: acted on then 500, acted on then reset, reset without acting, in turn). The
/// service's one-minute window is scaled 1/60 as in <c>--pacing</c> (100 per 1 s sliding window), so a run takes ~20 s;
/// real loopback HTTP, the system clock. The counts are asserted by <c>StartManyMeasuredTests</c>; this reports the times.
/// </summary>
internal static class StartManyRun
{
    public const int Jobs = 2_000;
    public const int Concurrency = 32;
    public const int Limit = 100;
    public const int FaultEvery = 25;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public static async Task<string> RunAsync()
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"{Jobs:N0} jobs with ExternalIds, `StartManyAsync` with `MaxConcurrency` {Concurrency}, fake limit {Limit} per {Window.TotalSeconds:0.#} s sliding window (the service's 1-minute window scaled 1/60, ratio kept), pacing on. Every {FaultEvery}th job's first create meets an ambiguous fault, three kinds in turn: acted on then 500 (`ServerErrorAfterProcessing`), acted on then reset (`DropConnectionAfterProcessing`), reset after the request was read without acting (`DropConnection`). Reconciliation as the window: its defaults scaled 1/60 with it, and unscaled. Real loopback HTTP, system clock (no virtual time: the pacer and the fake's window run on real time here).");
        report.AppendLine();
        report.AppendLine("| reconciliation | jobs in fake | distinct ExternalIds | duplicated | started | of which reconciled: found / resent | refused | ambiguous (unknown) | faults injected | creates sent | list reads | 429 received | elapsed | started jobs / s ÷ limit | requests / s ÷ limit |");
        report.AppendLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var scaled = new ReconcileOptions { ClockSkew = TimeSpan.FromSeconds(30) / 60, SettleDelay = TimeSpan.FromSeconds(1) / 60 };
        foreach (var (label, reconcile) in new[] { ("scaled 1/60: skew 0.5 s, settle 17 ms", scaled), ("defaults: skew 30 s, settle 1 s", new ReconcileOptions()) })
        {
            var r = await RunOnceAsync(reconcile);
            var rate = Limit / Window.TotalSeconds;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {label} | {r.JobsInFake:N0} | {r.Distinct:N0} | {r.JobsInFake - r.Distinct:N0} | {r.Started:N0} | {r.Found:N0} / {r.Resent:N0} | {r.Refused:N0} | {r.Ambiguous:N0} | {r.Injected:N0} | {r.Creates:N0} | {r.Lists:N0} | {r.RateLimited:N0} | {r.Elapsed.TotalSeconds:0.0} s | {r.Started / r.Elapsed.TotalSeconds / rate:0.00} | {r.Sent / r.Elapsed.TotalSeconds / rate:0.00} |");
        }

        return report.ToString();
    }

    private sealed record Result(
        int JobsInFake, int Distinct, int Started, int Found, int Resent, int Refused, int Ambiguous, int Injected,
        int Creates, int Lists, int Sent, int RateLimited, TimeSpan Elapsed);

    private static async Task<Result> RunOnceAsync(ReconcileOptions reconcile)
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { EnforceRateLimit = true, RateLimit = Limit, RateLimitWindow = Window });
        using var counting = new CountingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
        var options = fake.CreateClientOptions();
        options.Transport = counting;
        using var client = new AgentsetClient(options);

        // Warm up outside the measurement (JIT, connection), then start from a fresh window.
        await client.IngestJobs.CreateAsync(Request(-1));
        await Task.Delay(Window * 1.1);
        counting.Reset();

        for (var i = 0; i < Jobs; i += FaultEvery)
        {
            var marker = $"\"doc-{i.ToString(CultureInfo.InvariantCulture)}\"";
            var create = fake.Faults.For("createIngestJob", r => r.Body.Contains(marker, StringComparison.Ordinal));
            _ = (i / FaultEvery % 3) switch
            {
                0 => create.ServerErrorAfterProcessing(),
                1 => create.DropConnectionAfterProcessing(),
                _ => create.DropConnection(),
            };
        }

        int started = 0, found = 0, resent = 0, refused = 0, ambiguous = 0;
        var clock = Stopwatch.StartNew();
        var settings = new StartManyOptions { MaxConcurrency = Concurrency, Reconcile = reconcile };
        await foreach (var outcome in client.IngestJobs.StartManyAsync(Enumerable.Range(0, Jobs).Select(Request), settings))
        {
            switch (outcome.Kind)
            {
                case StartOutcomeKind.Started:
                    started++;
                    found += outcome.Reconciliation == Reconciliation.Created ? 1 : 0;
                    resent += outcome.Resent ? 1 : 0;
                    break;
                case StartOutcomeKind.Refused:
                    refused++;
                    break;
                default:
                    ambiguous++;
                    break;
            }
        }

        var elapsed = clock.Elapsed;
        var requests = fake.Requests;
        var counts = fake.ExternalIdCounts;
        return new Result(
            fake.JobCount - 1, counts.Count - 1, started, found, resent, refused, ambiguous, fake.Faults.Injected,
            requests.Count(r => r.OperationId == "createIngestJob") - 1, requests.Count(r => r.OperationId == "listIngestJobs"),
            counting.Sent, counting.RateLimited, elapsed);
    }

    private static CreateIngestJobRequest Request(int i) => new()
    {
        ExternalId = "doc-" + i.ToString(CultureInfo.InvariantCulture),
        Payload = new TextPayload { Text = "Revenue grew 12% in the third quarter." },
    };

    /// <summary>Counts what went on the wire and what came back 429, under the SDK's pipeline.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _sent, _rateLimited;

        public int Sent => _sent;

        public int RateLimited => _rateLimited;

        public void Reset()
        {
            _sent = 0;
            _rateLimited = 0;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _rateLimited);
            }

            return response;
        }
    }
}
