using System.Globalization;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Tests.Reliability;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Core.Retry;

/// <summary>Issue 25 #1, the inputs found from outside, over real loopback HTTP in virtual time: pacing (on by default)
/// never holds a caller longer than the service asked. A 429's own hint bounds the hold (A), callers held by attempts
/// in flight are released by their answers, not parked until a reset a minute away (B), and a test that moves the clock
/// a second at a time ends (C).</summary>
public sealed class RateLimitPacerLivenessTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private const string Job = """{"success":true,"data":{"id":"job_1","namespaceId":"ns_1","status":"QUEUED","payload":{"type":"TEXT","text":"x"},"createdAt":"2026-12-07T09:00:00.000Z"}}""";

    private readonly FakeTimeProvider _clock = new(Start);

    /// <summary>Moves the clock a step at a time (each Advance bounded in real time: a wait that loops without the clock
    /// moving would hang it) until <paramref name="call"/> ends; returns the virtual time it took.</summary>
    private async Task<TimeSpan> DriveAsync(Task call, TimeSpan step, Func<int> requestsSeen, int maxSteps = 200)
    {
        var started = _clock.GetUtcNow();
        // The first answer (a 429) must have arrived before the clock moves, or its hint would start late.
        for (var i = 0; i < 500 && requestsSeen() < 1; i++)
        {
            await Task.Delay(10);
        }

        for (var i = 0; i < maxSteps && !call.IsCompleted; i++)
        {
            await Task.Delay(i == 0 ? 200 : 15);
            if (call.IsCompleted)
            {
                break;
            }

            await Task.Run(() => _clock.Advance(step)).WaitAsync(TimeSpan.FromSeconds(10));
        }

        call.IsCompleted.Should().BeTrue($"the call should end within {maxSteps} steps of {step}");
        return _clock.GetUtcNow() - started;
    }

    [Fact]
    public async Task Input_A_a_429s_one_second_hint_bounds_the_hold_on_the_default_fake()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = _clock });
        var options = fake.CreateClientOptions();
        options.Timeout = TimeSpan.FromSeconds(10);
        using var client = new AgentsetClient(options);
        var job = await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        fake.Faults.RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(1));

        var get = client.IngestJobs.GetAsync(job.Id);
        var took = await DriveAsync(get, TimeSpan.FromMilliseconds(100), () => fake.Requests.Count(r => r.OperationId == "getIngestJob"));

        (await get).Id.Should().Be(job.Id);
        took.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThan(TimeSpan.FromSeconds(2), "the 429's hint (1 s) bounds the hold");
        fake.Requests.Count(r => r.OperationId == "getIngestJob").Should().Be(2);
    }

    [Fact]
    public async Task Input_A_the_hint_wins_over_a_window_reset_a_minute_away()
    {
        // A service whose every answer says 59 left, reset in 60 s, and which refuses once with Retry-After: 1 (the
        // 429's own X-RateLimit-Reset still a minute away): the retry goes after 1 s, within a 10 s Timeout.
        await using var server = new ScriptedServer(i => i == 0
            ? Reply.Json(429, """{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow down"}}""", [("Retry-After", "1"), .. Headers(0)])
            : Reply.Json(200, Job, Headers(59)));
        using var client = Client(server.BaseAddress, o => o.Timeout = TimeSpan.FromSeconds(10));

        var get = client.IngestJobs.GetAsync("job_1");
        var took = await DriveAsync(get, TimeSpan.FromMilliseconds(100), () => server.Requests.Count);

        (await get).Id.Should().Be("job_1");
        took.Should().BeLessThan(TimeSpan.FromSeconds(2));
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Input_B_64_concurrent_callers_against_a_service_that_always_says_59_left_all_finish_without_the_clock_moving()
    {
        await using var server = new ScriptedServer(_ => Reply.Json(200, Job, Headers(59)));
        using var client = Client(server.BaseAddress);
        await client.IngestJobs.GetAsync("job_1");

        for (var round = 0; round < 3; round++)
        {
            var calls = Enumerable.Range(0, 64).Select(_ => client.IngestJobs.GetAsync("job_1")).ToList();
            await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));
        }

        server.Requests.Should().HaveCount(1 + (3 * 64));
        _clock.GetUtcNow().Should().Be(Start, "no caller waited for the reset a minute away: each answer freed its slot");
    }

    [Fact]
    public async Task Input_C_moving_the_fakes_clock_a_second_at_a_time_ends_after_a_few_virtual_seconds()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = _clock });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var job = await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        fake.Faults.RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(1));

        var get = client.IngestJobs.GetAsync(job.Id);
        var took = await DriveAsync(get, TimeSpan.FromSeconds(1), () => fake.Requests.Count(r => r.OperationId == "getIngestJob"), maxSteps: 120);

        took.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(2), "the 1 s hint, then the next step of the clock");
    }

    [Fact]
    public async Task Input_C_with_a_window_a_minute_away_and_a_one_second_hint_the_loop_still_ends_in_seconds()
    {
        await using var server = new ScriptedServer(i => i == 0
            ? Reply.Json(429, """{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow down"}}""", [("Retry-After", "1"), .. Headers(0)])
            : Reply.Json(200, Job, Headers(59)));
        using var client = Client(server.BaseAddress);

        var get = client.IngestJobs.GetAsync("job_1");
        var took = await DriveAsync(get, TimeSpan.FromSeconds(1), () => server.Requests.Count, maxSteps: 120);

        took.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(2), "the 1 s hint, then the next step of the clock");
    }

    [Fact]
    public async Task A_call_held_only_by_attempts_in_flight_waits_for_their_answers_not_for_a_far_reset()
    {
        // One slot left in a window that resets in a minute, one attempt in flight: the next caller is held (the slot may
        // be that attempt's) but not failed at once for a reset beyond its 5 s budget; the answer says 1 left: it goes.
        var release = new TaskCompletionSource();
        await using var server = new ScriptedServer(i => i switch
        {
            0 => Reply.Json(200, Job, Headers(1)),
            1 => new HeldReply(release.Task, Reply.Json(200, Job, Headers(1))),
            _ => Reply.Json(200, Job, Headers(0)),
        });
        using var client = Client(server.BaseAddress, o => o.Timeout = TimeSpan.FromSeconds(5));
        await client.IngestJobs.GetAsync("job_1");

        var first = client.IngestJobs.GetAsync("job_1");
        for (var i = 0; i < 300 && server.Requests.Count < 2; i++)
        {
            await Task.Delay(10);
        }

        var second = client.IngestJobs.GetAsync("job_1");
        await Task.Delay(200);
        second.IsCompleted.Should().BeFalse("the one slot left may be the one in flight");
        server.Requests.Should().HaveCount(2);

        release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task The_paced_refusal_is_a_documented_public_type()
    {
        await using var server = new ScriptedServer(_ => Reply.Json(200, Job, Headers(0)));
        using var client = Client(server.BaseAddress, o => o.Timeout = TimeSpan.FromSeconds(5));
        await client.IngestJobs.GetAsync("job_1");

        var act = () => client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });

        var ex = (await act.Should().ThrowAsync<PacedRateLimitException>()).Which;
        ex.Should().BeAssignableTo<RateLimitExceededException>();
        ex.ErrorCode.Should().Be(PacedRateLimitException.ErrorCodeValue).And.Be("rate_limit_paced");
        ex.Status.Should().Be(429);
        ex.MayHaveBeenProcessed.Should().BeFalse();
        ex.RetryAfter.Should().BeCloseTo(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        ex.Message.Should().Contain("resets in 1 min").And.NotContain("00:00:");
        server.Requests.Should().HaveCount(1, "nothing was sent");
    }

    private AgentsetClient Client(Uri baseAddress, Action<AgentsetClientOptions>? tweak = null)
    {
        var options = new AgentsetClientOptions
        {
            BaseAddress = baseAddress,
            ApiKey = "sk_test_liveness",
            NamespaceId = "ns_1",
            TimeProvider = _clock,
        };
        tweak?.Invoke(options);
        return new AgentsetClient(options);
    }

    /// <summary>The three headers as Agentset sends them, with a reset a minute after the (virtual) now, and Date.</summary>
    private (string, string)[] Headers(int remaining) =>
    [
        ("X-RateLimit-Limit", "60"),
        ("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture)),
        ("X-RateLimit-Reset", (_clock.GetUtcNow() + TimeSpan.FromMinutes(1)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        ("Date", _clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)),
    ];

    /// <summary>Answers only once <paramref name="Release"/> completes.</summary>
    private sealed record HeldReply(Task Release, Reply Then) : Reply
    {
        public override async Task<bool> SendAsync(System.Net.Sockets.Socket socket, Stream stream, CancellationToken serverStopping)
        {
            await Release.WaitAsync(serverStopping);
            return await Then.SendAsync(socket, stream, serverStopping);
        }
    }
}
