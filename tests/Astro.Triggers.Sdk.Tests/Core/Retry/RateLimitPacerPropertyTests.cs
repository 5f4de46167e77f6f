using Astro.Triggers.Sdk.Agentset;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Core.Retry;

/// <summary>Issue 25 #1, the pacer's liveness and budget as properties, in virtual time, over random numbers of callers,
/// random answer latencies (so answers arrive in random orders), and four kinds of service: an honest sliding window
/// (Agentset's), an honest fixed window, a proxy whose headers never decrease, and a service that counts per node; with
/// and without 429s of short and long hints. Each seed is one reproducible run.</summary>
/// <remarks>
/// <para>Properties, checked at every step of the clock:</para>
/// <list type="bullet">
/// <item>No caller waits past the latest reset the service announced: whenever a call is under way and no request of
/// it is at the service, the clock is not past the furthest reset (or 429 hint) the client has been told, by more than
/// one step.</item>
/// <item>Every call ends (no wait loops or parks forever).</item>
/// <item>With an honest service, the budget is never overdrawn (no 429 the service had to give, once the client had one
/// answer to pace by), and throughput is at least 0.9 of the limit.</item>
/// </list>
/// </remarks>
public sealed class RateLimitPacerPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Horizon = TimeSpan.FromSeconds(20);

    public static TheoryData<SimulatedRateLimit.Kind, int, bool> Runs()
    {
        var data = new TheoryData<SimulatedRateLimit.Kind, int, bool>();
        foreach (var kind in Enum.GetValues<SimulatedRateLimit.Kind>())
        {
            data.Add(kind, 1, false);
            data.Add(kind, 3, false);
            data.Add(kind, 4, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Pacing_is_live_and_keeps_an_honest_budget(SimulatedRateLimit.Kind kind, int seed, bool refusals)
    {
        var random = new Random(seed * 7919 + (int)kind);
        var limit = random.Next(5, 31);
        var callers = random.Next(1, 3 * limit);
        var clock = new FakeTimeProvider(Start);
        using var service = new SimulatedRateLimit(kind, clock, limit, Window, random, refusals ? 0.03 : 0);
        var options = new AgentsetClientOptions
        {
            BaseAddress = new Uri("https://agentset.test/"),
            ApiKey = "sk_test_property",
            NamespaceId = "ns_1",
            TimeProvider = clock,
            Transport = service,
            Timeout = Timeout.InfiniteTimeSpan,
            Retry = new RetryOptions { MaxAttempts = 20, MaxElapsed = TimeSpan.FromHours(1), MaxDelay = TimeSpan.FromMinutes(1) },
        };
        using var client = new AgentsetClient(options);

        var stopAt = Start + Horizon;
        var underWay = 0;
        var failures = new List<Exception>();
        async Task CallerAsync()
        {
            while (clock.GetUtcNow() < stopAt)
            {
                Interlocked.Increment(ref underWay);
                try
                {
                    await client.IngestJobs.GetAsync("job_1");
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref underWay);
                }
            }
        }

        var all = Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(CallerAsync)));
        // Every caller's first request is sent before any answer (the client knows nothing yet): the burst that a
        // client without a picture cannot pace.
        for (var i = 0; i < 1000 && service.AtService < callers; i++)
        {
            await Task.Delay(5);
        }

        var violations = new List<string>();
        for (var i = 0; !all.IsCompleted && i < (Horizon + TimeSpan.FromMinutes(2)) / Step; i++)
        {
            await Settle(service);
            var now = clock.GetUtcNow();
            if (Volatile.Read(ref underWay) > 0 && service.AtService == 0 && now > service.FurthestAnnounced + Step + Step)
            {
                violations.Add($"{now - Start}: {underWay} call(s) under way, none at the service, furthest announced {service.FurthestAnnounced - Start}; pacer: {options.Pacer}; last answers: {service.RecentAnswers}");
            }

            clock.Advance(Step);
        }

        await all.WaitAsync(TimeSpan.FromSeconds(30));
        var context = $"{kind}, seed {seed}, limit {limit}/{Window.TotalSeconds} s, {callers} callers, refusals {refusals}: " +
            $"{service.Admitted} admitted, {service.Refused} refused by the window, {service.Injected} injected";
        violations.Should().BeEmpty(context);
        failures.Should().BeEmpty(context);

        if (kind is SimulatedRateLimit.Kind.SlidingWindow or SimulatedRateLimit.Kind.FixedWindow)
        {
            service.RefusedAfterFirstAnswer.Should().Be(0, $"the budget is never overdrawn once the client knows it ({context}; {string.Join(" || ", service.Overdrafts)})");
            if (!refusals)
            {
                var capacity = limit * (Horizon / Window);
                service.AdmittedBefore(stopAt).Should().BeGreaterThanOrEqualTo((int)(0.9 * capacity), $"throughput is at least 0.9 of the limit ({context})");
            }
        }
    }

    // Lets the thread pool run what the last clock move released: until the service has seen no new request or answer for
    // a few real milliseconds.
    private static async Task Settle(SimulatedRateLimit service)
    {
        var seen = -1L;
        for (var i = 0; i < 50 && service.Events != seen; i++)
        {
            seen = service.Events;
            await Task.Delay(2);
        }
    }
}
