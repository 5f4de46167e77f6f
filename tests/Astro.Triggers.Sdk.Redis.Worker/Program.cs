// One worker: creates COUNT Agentset ingest jobs, CONCURRENCY at a time, through a client paced by its own in-process
// budget ("none") or by one shared through Redis (a configuration string). Prints one line:
//   ok=<created> status429=<429 answers seen> paced=<calls ended by the pacer> failed=<other failures> ms=<elapsed>
// Usage: Worker <baseAddress> <apiKey> <namespaceId> <count> <concurrency> <redis|none> [worker-id]
using System.Diagnostics;
using System.Globalization;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Redis;
using Microsoft.Extensions.DependencyInjection;

var baseAddress = new Uri(args[0]);
var count = int.Parse(args[3], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
var redis = args[5];
var worker = args.Length > 6 ? args[6] : "w";

var counter = new StatusCounter(new SocketsHttpHandler());
var options = new AgentsetClientOptions { BaseAddress = baseAddress, ApiKey = args[1], NamespaceId = args[2], Transport = counter };
// Generous budgets: the measurement is about 429s and throughput, not about calls giving up.
options.Timeout = TimeSpan.FromMinutes(10);
options.Retry.MaxElapsed = TimeSpan.FromMinutes(10);
options.Retry.MaxAttempts = 20;
using var provider = redis == "none" ? null : new RedisRateLimitBudgetProvider(redis);
if (provider is not null)
{
    options.UseRedisRateLimitBudget(provider);
}

using var client = new AgentsetClient(options);
int ok = 0, paced = 0, failed = 0, next = -1;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    while (Interlocked.Increment(ref next) < count)
    {
        try
        {
            await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "doc" }, ExternalId = $"{worker}-{next}" });
            Interlocked.Increment(ref ok);
        }
        catch (PacedRateLimitException)
        {
            Interlocked.Increment(ref paced);
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref failed);
            await Console.Error.WriteLineAsync(ex.GetType().Name + ": " + ex.Message);
        }
    }
}));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ok={ok} status429={counter.TooManyRequests} paced={paced} failed={failed} ms={clock.ElapsedMilliseconds}"));
return failed == 0 ? 0 : 1;

/// <summary>Counts the 429 answers under the SDK's pipeline (its retries included).</summary>
internal sealed class StatusCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _tooMany;

    public int TooManyRequests => Volatile.Read(ref _tooMany);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode == 429)
        {
            Interlocked.Increment(ref _tooMany);
        }

        return response;
    }
}
