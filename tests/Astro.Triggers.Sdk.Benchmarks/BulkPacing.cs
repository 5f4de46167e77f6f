using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>
/// Issue 18 #1, as a measurement (<c>--pacing</c>), not a timed test: 2,000 creates from 32 concurrent callers against
/// the Agentset fake in its rate-limit mode, with the client's pacing on and off. The service's window is one minute;
/// here it is scaled to <see cref="Window"/> with the same rate (<see cref="Limit"/> per window = 100 requests per
/// second), so a run takes ~20 s instead of 20 min. Real loopback HTTP, the system clock.
/// </summary>
internal static class BulkPacing
{
    public const int Creates = 2_000;
    public const int Callers = 32;
    public const int Limit = 100;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public static async Task<string> RunAsync()
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"{Creates:N0} creates, {Callers} concurrent callers, fake limit {Limit} per {Window.TotalSeconds:0.#} s sliding window ({Limit / Window.TotalSeconds:0} requests/s; the service's 1-minute window scaled 1/60, ratio kept). Default client options (4 attempts, 30 s MaxDelay, 100 s Timeout).");
        report.AppendLine();
        report.AppendLine("| pacing | completed | failed | 429 answers received | requests sent | 429 share | elapsed | achieved rate / limit |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var pacing in new[] { true, false })
        {
            var r = await RunOnceAsync(pacing);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {(pacing ? "on" : "off")} | {r.Completed:N0} | {r.Failed:N0} | {r.RateLimited:N0} | {r.Sent:N0} | {100.0 * r.RateLimited / r.Sent:0.00}% | {r.Elapsed.TotalSeconds:0.0} s | {r.Completed / r.Elapsed.TotalSeconds / (Limit / Window.TotalSeconds):0.00} |");
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Issue 25: {Gets:N0} gets from {ManyCallers} concurrent callers against a fake that refuses nothing, pacing on and off, interleaved, the median of three runs each (target: on within 10 % of off). \"default\": the fake's defaults (it counts nothing and sends no rate-limit headers); \"counting\": it counts honestly and sends the three headers with a limit far above the load, so the pacer is active on every call.");
        report.AppendLine();
        report.AppendLine("| fake | pacing | completed | failed | elapsed | calls/s | on / off |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var counting in new[] { false, true })
        {
            // Interleaved, the median of three each: on a shared machine a single pair measures the neighbours.
            var offs = new List<(int Completed, int Failed, TimeSpan Elapsed)>();
            var ons = new List<(int Completed, int Failed, TimeSpan Elapsed)>();
            for (var round = 0; round < 3; round++)
            {
                offs.Add(await ThroughputAsync(counting, pacing: false));
                ons.Add(await ThroughputAsync(counting, pacing: true));
            }

            var off = offs.OrderBy(r => r.Elapsed).ElementAt(1);
            var on = ons.OrderBy(r => r.Elapsed).ElementAt(1);
            foreach (var (pacing, r) in new[] { (false, off), (true, on) })
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {(counting ? "counting" : "default")} | {(pacing ? "on" : "off")} | {r.Completed:N0} | {r.Failed:N0} | {r.Elapsed.TotalSeconds:0.00} s | {r.Completed / r.Elapsed.TotalSeconds:N0} | {(pacing ? (off.Elapsed / r.Elapsed).ToString("0.00", CultureInfo.InvariantCulture) : "")} |");
            }
        }

        return report.ToString();
    }

    public const int Gets = 20_000;
    public const int ManyCallers = 64;

    private static async Task<(int Completed, int Failed, TimeSpan Elapsed)> ThroughputAsync(bool counting, bool pacing)
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions
        {
            EnforceRateLimit = counting,
            RateLimit = 10_000_000,
        });
        var options = fake.CreateClientOptions();
        options.RateLimitPacing = pacing;
        options.Transport = new SocketsHttpHandler { MaxConnectionsPerServer = ManyCallers };
        using var client = new AgentsetClient(options);
        var job = await client.IngestJobs.CreateAsync(Request(-1));
        for (var i = 0; i < 200; i++)
        {
            await client.IngestJobs.GetAsync(job.Id);
        }

var (completed, failed, elapsed) = await DriveAsync(ManyCallers, Gets, _ => client.IngestJobs.GetAsync(job.Id));
        return (completed, failed, elapsed);
    }

    private static async Task<(int Completed, int Failed, int RateLimited, int Sent, TimeSpan Elapsed)> RunOnceAsync(bool pacing)
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions
        {
            EnforceRateLimit = true,
            RateLimit = Limit,
            RateLimitWindow = Window,
        });
        using var counting = new CountingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = Callers });
        var options = fake.CreateClientOptions();
        options.RateLimitPacing = pacing;
        options.Transport = counting;
        using var client = new AgentsetClient(options);

        // Warm up outside the measurement (JIT, connection), then start from a fresh window.
        await client.IngestJobs.CreateAsync(Request(-1));
        await Task.Delay(Window * 1.1);
        counting.Reset();

var (completed, failed, elapsed) = await DriveAsync(Callers, Creates, i => client.IngestJobs.CreateAsync(Request(i)));
        return (completed, failed, counting.RateLimited, counting.Sent, elapsed);
    }

    /// <summary><paramref name="callers"/> concurrent loops sharing <paramref name="calls"/> numbered calls; a call that
    /// throws the SDK's exception counts as failed.</summary>
    private static async Task<(int Completed, int Failed, TimeSpan Elapsed)> DriveAsync(int callers, int calls, Func<int, Task> call)
    {
        var next = -1;
        int completed = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                try
                {
                    await call(i);
                    Interlocked.Increment(ref completed);
                }
                catch (AstroTriggersException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return (completed, failed, clock.Elapsed);
    }

    private static CreateIngestJobRequest Request(int i) => new()
    {
        Name = "bulk " + i.ToString(CultureInfo.InvariantCulture),
        ExternalId = "bulk-" + i.ToString(CultureInfo.InvariantCulture),
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
