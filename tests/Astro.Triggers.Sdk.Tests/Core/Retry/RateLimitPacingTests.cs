using System.Globalization;
using System.Net;
using System.Text;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Tests.Core.Retry;

/// <summary>Issue 18 #1: the client paces itself by Agentset's X-RateLimit-* headers, in virtual time. No request is sent
/// while the known remaining budget is 0 before the reset; concurrent callers share one budget; a 429 still retries as
/// before; a wait that cannot fit in the call's budget ends it before anything is sent.</summary>
public sealed class RateLimitPacingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // The reset header is in whole milliseconds, rounded down: the client waits one more millisecond past it.
    private static readonly TimeSpan Rounding = TimeSpan.FromMilliseconds(1);

    private readonly ObservableClock _clock = new(Start);

    private AgentsetClient Client(HttpMessageHandler server, Action<AgentsetClientOptions>? tweak = null)
    {
        var options = new AgentsetClientOptions
        {
            BaseAddress = new Uri("https://agentset.test/"),
            ApiKey = "sk_test_pacing",
            NamespaceId = "ns_1",
            TimeProvider = _clock,
            Transport = server,
        };
        tweak?.Invoke(options);
        return new AgentsetClient(options);
    }

    private static Task<IngestJob> Create(AgentsetClient client) =>
        client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task No_request_is_sent_while_the_known_remaining_budget_is_zero_before_the_reset()
    {
        using var server = new WindowServer(_clock, limit: 1, TimeSpan.FromSeconds(10));
        using var client = Client(server);
        await Create(client);

        var second = Create(client);
        await _clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(10) + Rounding, TimeSpan.FromSeconds(9.9));
        await Task.Delay(100);
        server.Requests.Should().HaveCount(1, "the budget is spent until the reset");
        second.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromMilliseconds(100) + Rounding);
        await second;
        server.Requests.Should().HaveCount(2);
        server.Requests[1].Should().BeOnOrAfter(Start.AddSeconds(10), "the second request waited for the reset");
        server.RateLimited.Should().Be(0);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_budget_and_queue_instead_of_failing()
    {
        using var server = new WindowServer(_clock, limit: 3, TimeSpan.FromSeconds(10));
        using var client = Client(server);
        await Create(client);

        var calls = Enumerable.Range(0, 6).Select(_ => Create(client)).ToList();
        await Until(() => server.Requests.Count >= 3);
        await Task.Delay(200);
        server.Requests.Should().HaveCount(3, "1 + the 2 left in the window; the other 4 callers queue");

        _clock.Advance(TimeSpan.FromSeconds(10) + Rounding);
        await Until(() => server.Requests.Count >= 6);
        await Task.Delay(200);
        server.Requests.Should().HaveCount(6, "the next window admits 3");

        _clock.Advance(TimeSpan.FromSeconds(10) + Rounding);
        await Task.WhenAll(calls);
        server.Requests.Should().HaveCount(7);
        server.RateLimited.Should().Be(0, "no caller was sent into a spent window");
    }

    [Fact]
    public async Task A_429_is_still_retried_after_its_reset_moment()
    {
        using var server = new WindowServer(_clock, limit: 5, TimeSpan.FromSeconds(4)) { RefuseNext = 1 };
        using var client = Client(server);

        var call = Create(client);
        await _clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(4));
        // The retry waited Retry-After; the pacer, told the same moment by the 429, holds it not a moment longer.
        await call;

        server.Requests.Should().HaveCount(2);
        server.RateLimited.Should().Be(1);
    }

    [Fact]
    public async Task A_wait_that_cannot_fit_in_the_call_budget_ends_the_call_at_once_and_nothing_is_sent()
    {
        using var server = new WindowServer(_clock, limit: 1, TimeSpan.FromMinutes(1));
        using var client = Client(server, o => o.Timeout = TimeSpan.FromSeconds(5));
        await Create(client);

        var act = () => Create(client);

        var ex = (await act.Should().ThrowAsync<RateLimitExceededException>()).Which;
        ex.ErrorCode.Should().Be("rate_limit_paced");
        ex.MayHaveBeenProcessed.Should().BeFalse("a create the client never sent cannot have been processed");
        ex.RetryAfter.Should().Be(TimeSpan.FromMinutes(1) + Rounding);
        ex.Message.Should().Contain("not sent");
        server.Requests.Should().HaveCount(1);
        _clock.GetUtcNow().Should().Be(Start, "no wait was started");
    }

    [Fact]
    public async Task The_pacing_wait_does_not_count_against_the_attempt_timeout()
    {
        using var server = new WindowServer(_clock, limit: 1, TimeSpan.FromSeconds(10));
        using var client = Client(server, o => o.Retry.AttemptTimeout = TimeSpan.FromSeconds(2));
        await Create(client);

        var second = Create(client);
        await _clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(10) + Rounding);
        await second;
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task With_pacing_off_the_headers_are_ignored()
    {
        using var server = new WindowServer(_clock, limit: 1, TimeSpan.FromMinutes(1));
        using var client = Client(server, o => { o.RateLimitPacing = false; o.Retry.MaxAttempts = 1; });
        await Create(client);

        var act = () => Create(client);

        var ex = (await act.Should().ThrowAsync<RateLimitExceededException>()).Which;
        ex.ErrorCode.Should().Be("rate_limit_exceeded", "the request was sent and the service refused it");
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task An_answer_that_overtook_an_older_count_of_the_same_window_never_hands_back_taken_slots()
    {
        // Two creates are sent with two slots known left. The service counts the second before the first, so the first's
        // answer says 0 left and the second's (the fresher ticket) still says 1. Answered in that order, the second's count
        // is older than what the client already knows: a third caller must keep waiting for the reset.
        var reset = Start.AddSeconds(10);
        using var server = new HeldServer(_clock, limit: 3, reset);
        using var client = Client(server);
        var first = Create(client);
        await Until(() => server.Pending == 1);
        server.Answer(0, remaining: 2);
        await first;

        var b = Create(client);
        var c = Create(client);
        await Until(() => server.Pending == 2);
        var d = Create(client);
        await Task.Delay(100);
        server.Requests.Should().Be(3, "the window had 2 left: the third caller waits");

        server.Answer(1, remaining: 0);                  // b, counted second by the service
        await b;
        server.Answer(2, remaining: 1);                  // c, counted first: an older count, answered later
        await c;
        await Task.Delay(200);
        server.Requests.Should().Be(3, "no slot is left in this window, whatever the later answer said");
        d.IsCompleted.Should().BeFalse();

        _clock.Advance(TimeSpan.FromSeconds(10) + Rounding);
        await Until(() => server.Pending == 1);
        server.Answer(3, remaining: 2);
        await d;
        server.Requests.Should().Be(4);
    }

    /// <summary>Holds every request until the test answers it, with the Remaining count the test chooses: so the order
    /// the service counted requests in and the order their answers arrive in can differ, as on separate connections.</summary>
    private sealed class HeldServer(TimeProvider clock, int limit, DateTimeOffset reset) : HttpMessageHandler
    {
        private readonly List<TaskCompletionSource<int>> _held = [];

        public int Requests
        {
            get
            {
                lock (_held)
                {
                    return _held.Count;
                }
            }
        }

        public int Pending
        {
            get
            {
                lock (_held)
                {
                    return _held.Count(h => !h.Task.IsCompleted);
                }
            }
        }

        public void Answer(int request, int remaining)
        {
            lock (_held)
            {
                _held[request].SetResult(remaining);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var held = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_held)
            {
                _held.Add(held);
            }

            var remaining = await held.Task.WaitAsync(cancellationToken);
            var response = new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent("""{"success":true,"data":{"id":"job_1","namespaceId":"ns_1","status":"QUEUED","payload":{"type":"TEXT","text":"x"},"createdAt":"2026-11-23T09:00:00.000Z"}}""", Encoding.UTF8, "application/json"),
                RequestMessage = request,
            };
            response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
            response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture));
            var windowEnd = clock.GetUtcNow() < reset ? reset : reset.AddSeconds(10);
            response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", windowEnd.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            response.Headers.Date = clock.GetUtcNow();
            return response;
        }
    }

    /// <summary>A fixed-window rate limiter answering like Agentset: the three headers on every answer (reset in Unix
    /// milliseconds, Date on the same clock), 429 with Retry-After = the reset moment when the window is spent.</summary>
    private sealed class WindowServer(TimeProvider clock, int limit, TimeSpan window) : HttpMessageHandler
    {
        private readonly List<DateTimeOffset> _requests = [];
        private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
        private int _used;

        public int RefuseNext { get; set; }

        public int RateLimited { get; private set; }

        public List<DateTimeOffset> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToList();
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_requests)
            {
                var now = clock.GetUtcNow();
                _requests.Add(now);
                if (now >= _windowEnd)
                {
                    _windowEnd = now + window;
                    _used = 0;
                }

                var reset = _windowEnd.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                HttpResponseMessage response;
                if (_used >= limit || RefuseNext > 0)
                {
                    RefuseNext = Math.Max(0, RefuseNext - 1);
                    RateLimited++;
                    response = Answer(HttpStatusCode.TooManyRequests, """{"success":false,"error":{"code":"rate_limit_exceeded","message":"Too many requests."}}""");
                    response.Headers.TryAddWithoutValidation("Retry-After", reset);
                    response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "0");
                }
                else
                {
                    _used++;
                    response = Answer(HttpStatusCode.Created, """{"success":true,"data":{"id":"job_1","namespaceId":"ns_1","status":"QUEUED","payload":{"type":"TEXT","text":"x"},"createdAt":"2026-11-23T09:00:00.000Z"}}""");
                    response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", (limit - _used).ToString(CultureInfo.InvariantCulture));
                }

                response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", limit.ToString(CultureInfo.InvariantCulture));
                response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", reset);
                response.Headers.Date = now;
                response.RequestMessage = request;
                return Task.FromResult(response);
            }
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
