using System.Collections.Concurrent;
using System.Globalization;
using Astro.Triggers.Sdk.Agentset;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 21, kind 8: an absolute retry time (Retry-After as an HTTP date, Agentset's epoch-millisecond
/// Retry-After and X-RateLimit-Reset) is a moment on the service's clock, so the wait is that moment minus the
/// response's Date (RFC 9110 §10.2.3, §6.6.1), whichever way and however far the client's clock is off.</summary>
public sealed class ClockSkewTests : FaultMatrixTestBase
{
    public static TheoryData<int, string> Cases
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var skewMinutes in new[] { -10, -1, 0, 1, 10, 24 * 60 })
            {
                foreach (var form in new[] { "http-date", "unix-ms", "reset-only" })
                {
                    data.Add(skewMinutes, form);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_wait_is_the_reset_moment_minus_the_servers_date(int skewMinutes, string form)
    {
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        var asked = TimeSpan.FromSeconds(2);
        await using var server = new ScriptedServer(i =>
        {
            var now = Clock.GetUtcNow();
            arrivals.Enqueue(now);
            if (i > 0)
            {
                return Reply.Json(200, Agentset.AgentsetJson.Single("job_1"));
            }

            // The server's clock is skewMinutes ahead of the client's (behind when negative); whole seconds, as Date has.
            var serverNow = DateTimeOffset.FromUnixTimeSeconds((now + TimeSpan.FromMinutes(skewMinutes)).ToUnixTimeSeconds());
            var resetAt = serverNow.AddSeconds(2);
            if (skewMinutes == 0)
            {
                // The clocks agree (Date names the client's current second): the moment is read on the client's finer
                // clock, so the wait is the moment minus the client's now, up to a second under 2 s.
                asked = resetAt - now;
            }

            var ms = resetAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            (string, string)[] headers = form switch
            {
                "http-date" => [("Retry-After", resetAt.ToString("r", CultureInfo.InvariantCulture))],
                "unix-ms" => [("Retry-After", ms), ("X-RateLimit-Reset", ms)],
                _ => [("X-RateLimit-Reset", ms)],
            };
            return Reply.Json(429, "{}", [("Date", serverNow.ToString("r", CultureInfo.InvariantCulture)), .. headers]);
        });

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1");
        }, TimeSpan.FromMilliseconds(50));

        // Read against the client's clock, the wait would be 0 (server behind) or minutes (ahead: thrown, not waited).
        error.Should().BeNull();
        var times = arrivals.ToArray();
        times.Should().HaveCount(2);
        (times[1] - times[0]).Should().BeGreaterThanOrEqualTo(asked - TimeSpan.FromMilliseconds(5)).And.BeLessThan(TimeSpan.FromSeconds(3.5),
            "the server asked for 2 s after its Date on its own clock, whatever the client's clock says");
    }

    [Fact]
    public async Task Without_a_date_the_clients_clock_is_used()
    {
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        await using var server = new ScriptedServer(i =>
        {
            arrivals.Enqueue(Clock.GetUtcNow());
            return i == 0
                ? Reply.Json(429, "{}", ("Retry-After", Clock.GetUtcNow().AddSeconds(3).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)))
                : Reply.Json(200, Agentset.AgentsetJson.Single("job_1"));
        });

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1");
        }, TimeSpan.FromMilliseconds(50));

        error.Should().BeNull();
        var times = arrivals.ToArray();
        (times[1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2.9)).And.BeLessThan(TimeSpan.FromSeconds(4.5));
    }

    [Fact]
    public async Task A_skewed_retry_after_reported_on_the_exception_is_the_servers_wait()
    {
        await using var server = new ScriptedServer(_ =>
        {
            var serverNow = DateTimeOffset.FromUnixTimeSeconds(Clock.GetUtcNow().AddHours(-3).ToUnixTimeSeconds());
            return Reply.Json(429, "{}", ("Date", serverNow.ToString("r", CultureInfo.InvariantCulture)),
                ("Retry-After", serverNow.AddMinutes(5).ToString("r", CultureInfo.InvariantCulture)));
        });

        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1");
        });

        // Five minutes is beyond MaxDelay (30 s): thrown at once, with the server's five minutes, not "now".
        error.Should().BeOfType<Sdk.RateLimitExceededException>().Which.RetryAfter.Should().Be(TimeSpan.FromMinutes(5));
        server.Requests.Should().HaveCount(1);
    }
}
