using System.Globalization;
using System.Net;
using System.Text;

namespace Astro.Triggers.Sdk.Tests.Core.Retry;

/// <summary>A rate-limited service in virtual time, answering like Agentset (X-RateLimit-Limit/Remaining/Reset in Unix
/// milliseconds, Date, a 429 with Retry-After = the reset moment), each request held for a random latency on the clock so
/// answers arrive in random orders. It records what a property needs: requests at the service now, the furthest reset
/// any delivered answer announced, and refusals the window forced.</summary>
public sealed class SimulatedRateLimit(SimulatedRateLimit.Kind kind, TimeProvider clock, int limit, TimeSpan window, Random random, double refusalRate)
    : HttpMessageHandler
{
    /// <summary>How the service counts and what its headers say.</summary>
    public enum Kind
    {
        /// <summary>Honest: a sliding window; the reset is when the oldest counted request leaves it.</summary>
        SlidingWindow,

        /// <summary>Honest: fixed windows from the first request; the reset is the window's end.</summary>
        FixedWindow,

        /// <summary>Headers that never decrease (a caching proxy): always limit − 1 left, reset a window from now; refuses nothing.</summary>
        Proxy,

        /// <summary>Two nodes taking requests in turn, each counting its own sliding window and answering with its own headers.</summary>
        PerNode,
    }

    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset>[] _nodes = [new(), new()];
    private DateTimeOffset _fixedEnd = DateTimeOffset.MinValue;
    private int _fixedUsed;
    private int _turn;
    private long _events;
    private bool _answered;
    private readonly List<DateTimeOffset> _admitted = [];

    private readonly Queue<string> _log = new();

    /// <summary>The last answers delivered, for a failure message.</summary>
    public string RecentAnswers
    {
        get
        {
            lock (_gate)
            {
                return string.Join(" | ", _log);
            }
        }
    }

    public int AtService { get; private set; }

    public DateTimeOffset FurthestAnnounced { get; private set; } = DateTimeOffset.MinValue;

    public int Admitted
    {
        get
        {
            lock (_gate)
            {
                return _admitted.Count;
            }
        }
    }

    public int Refused { get; private set; }

    public int RefusedAfterFirstAnswer { get; private set; }

    /// <summary>What the service had answered before each overdraft, for a failure message.</summary>
    public List<string> Overdrafts { get; } = [];

    public int Injected { get; private set; }

    /// <summary>Grows on every request and answer: a test waits until it stops moving.</summary>
    public long Events => Interlocked.Read(ref _events);

    public int AdmittedBefore(DateTimeOffset moment)
    {
        lock (_gate)
        {
            return _admitted.Count(a => a < moment);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TimeSpan inbound, outbound;
        bool paced;
        lock (_gate)
        {
            AtService++;
            // Sent after the client had an answer to pace by: a refusal the window forces on it is an overdraft.
            paced = _answered;
            inbound = TimeSpan.FromMilliseconds(random.Next(1, 60));
            outbound = TimeSpan.FromMilliseconds(random.Next(1, 60));
        }

        Interlocked.Increment(ref _events);
        HttpResponseMessage response;
        DateTimeOffset announced;
        try
        {
            await Task.Delay(inbound, clock, cancellationToken);
            (response, announced) = Count(request, paced);
            await Task.Delay(outbound, clock, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                AtService--;
            }
        }

        lock (_gate)
        {
            _answered = true;
            _log.Enqueue($"{clock.GetUtcNow():ss.fff} {(int)response.StatusCode} R={string.Join(",", response.Headers.GetValues("X-RateLimit-Remaining"))} until {announced:ss.fff}");
            if (_log.Count > 12)
            {
                _log.Dequeue();
            }

            if (announced > FurthestAnnounced)
            {
                FurthestAnnounced = announced;
            }
        }

        Interlocked.Increment(ref _events);
        return response;
    }

    private (HttpResponseMessage, DateTimeOffset) Count(HttpRequestMessage request, bool paced)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (random.NextDouble() < refusalRate)
            {
                Injected++;
                var hint = random.Next(2) == 0 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);
                return (Refusal(request, now, now + hint, limit), now + hint);
            }

            switch (kind)
            {
                case Kind.Proxy:
                    _admitted.Add(now);
                    return (Answer(request, now, limit - 1, now + window, limit), now + window);
                case Kind.FixedWindow:
                    if (now >= _fixedEnd)
                    {
                        _fixedEnd = now + window;
                        _fixedUsed = 0;
                    }

                    if (_fixedUsed >= limit)
                    {
                        return (Refuse(request, now, _fixedEnd, paced), _fixedEnd);
                    }

                    _fixedUsed++;
                    _admitted.Add(now);
                    return (Answer(request, now, limit - _fixedUsed, _fixedEnd, limit), _fixedEnd);
                default:
                    var node = _nodes[kind == Kind.PerNode ? _turn++ % 2 : 0];
                    while (node.Count > 0 && node.Peek() <= now - window)
                    {
                        node.Dequeue();
                    }

                    if (node.Count >= limit)
                    {
                        return (Refuse(request, now, node.Peek() + window, paced), node.Peek() + window);
                    }

                    node.Enqueue(now);
                    _admitted.Add(now);
                    return (Answer(request, now, limit - node.Count, node.Peek() + window, limit), node.Peek() + window);
            }
        }
    }

    private HttpResponseMessage Refuse(HttpRequestMessage request, DateTimeOffset now, DateTimeOffset reset, bool paced)
    {
        Refused++;
        if (paced)
        {
            Overdrafts.Add($"{now:ss.fff} refused, reset {reset:ss.fff}; before it: {string.Join(" | ", _log)}");
            RefusedAfterFirstAnswer++;
        }

        return Refusal(request, now, reset, limit);
    }

    private static HttpResponseMessage Refusal(HttpRequestMessage request, DateTimeOffset now, DateTimeOffset reset, int limit)
    {
        var response = Message(request, HttpStatusCode.TooManyRequests, """{"success":false,"error":{"code":"rate_limit_exceeded","message":"Too many requests."}}""", now, 0, reset, limit);
        response.Headers.TryAddWithoutValidation("Retry-After", reset.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, DateTimeOffset now, int remaining, DateTimeOffset reset, int limit) =>
        Message(request, HttpStatusCode.OK, """{"success":true,"data":{"id":"job_1","namespaceId":"ns_1","status":"QUEUED","payload":{"type":"TEXT","text":"x"},"createdAt":"2026-12-07T09:00:00.000Z"}}""", now, remaining, reset, limit);

    private static HttpResponseMessage Message(HttpRequestMessage request, HttpStatusCode status, string json, DateTimeOffset now, int remaining, DateTimeOffset reset, int limit)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };
        response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        response.Headers.Date = now;
        return response;
    }
}
