using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Reliability;

namespace Astro.Triggers.Sdk.Tests.Core.Http;

/// <summary>Issue 18 #2: a call's context and (on the system clock) its cancellation source are pooled and reset for the
/// next call. What a user relies on must not change: each call gets its whole budget and only its own per-call options,
/// a caller's token cancels only its own call, and a cancelled or timed-out call leaves nothing behind for the calls
/// after it. System clock on purpose: sources on other clocks are never pooled.</summary>
public sealed class CallPoolingTests
{
    private static readonly string Job = AgentsetJson.Single("job_1", "PROCESSING");

    private static AgentsetClient Client(Uri baseAddress, TimeSpan timeout) => new(new AgentsetClientOptions
    {
        BaseAddress = baseAddress,
        ApiKey = "key",
        NamespaceId = "ns_1",
        Timeout = timeout,
        Retry = new RetryOptions { MaxAttempts = 1 },
    });

    [Fact]
    public async Task A_reused_source_still_times_out_a_stalled_call_and_the_next_call_succeeds()
    {
        // The 40th request hangs; every other one is answered at once.
        await using var server = new ScriptedServer(n => n == 39 ? new Reply.Hang() : Reply.Json(200, Job));
        using var client = Client(server.BaseAddress, TimeSpan.FromSeconds(30));
        // Each call arms its (reused) source with its own budget: the short one goes only to the call that stalls, so a
        // slow cold start of the others cannot fail the test.
        var shortBudget = new AgentsetRequestOptions { Timeout = TimeSpan.FromMilliseconds(300) };

        for (var i = 0; i < 39; i++)
        {
            (await client.IngestJobs.GetAsync("job_1")).Id.Should().Be("job_1");
        }

        var timedOut = await FluentActions.Awaiting(() => client.IngestJobs.GetAsync("job_1", shortBudget)).Should().ThrowAsync<ServiceTimeoutException>();
        timedOut.Which.MayHaveBeenProcessed.Should().BeTrue();
        timedOut.Which.Timeout.Should().Be(TimeSpan.FromMilliseconds(300));
        (await client.IngestJobs.GetAsync("job_1")).Id.Should().Be("job_1");
        server.Requests.Should().HaveCount(41);
    }

    [Fact]
    public async Task Cancelling_a_callers_token_after_its_call_ended_does_not_reach_later_calls()
    {
        // The second request is answered only after a pause, long enough for the first caller's token to be cancelled meanwhile.
        await using var server = new ScriptedServer(n => n == 1 ? new Delayed(TimeSpan.FromMilliseconds(300), Job) : Reply.Json(200, Job));
        using var client = Client(server.BaseAddress, TimeSpan.FromSeconds(30));
        using var first = new CancellationTokenSource();

        await client.IngestJobs.GetAsync("job_1", cancellationToken: first.Token);
        var second = client.IngestJobs.GetAsync("job_1");
        await Task.Delay(50);
        await first.CancelAsync();

        (await second).Id.Should().Be("job_1", "the first caller's token was unlinked from the pooled source when its call ended");
    }

    [Fact]
    public async Task A_call_cancelled_by_its_caller_throws_cancellation_and_later_calls_are_untouched()
    {
        await using var server = new ScriptedServer(n => n == 0 ? new Reply.Hang() : Reply.Json(200, Job));
        using var client = Client(server.BaseAddress, TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource();

        var call = client.IngestJobs.GetAsync("job_1", cancellationToken: caller.Token);
        await Task.Delay(50);
        await caller.CancelAsync();
        await FluentActions.Awaiting(() => call).Should().ThrowAsync<OperationCanceledException>();

        for (var i = 0; i < 20; i++)
        {
            (await client.IngestJobs.GetAsync("job_1")).Id.Should().Be("job_1");
        }

        server.Requests.Should().HaveCount(21);
    }

    [Fact]
    public async Task Concurrent_calls_each_keep_their_own_budget_and_cancellation()
    {
        // Odd requests hang, even ones are answered; half the callers cancel, the other hanging calls time out. None of it
        // may reach another call.
        await using var server = new ScriptedServer(n => n % 2 == 1 ? new Reply.Hang() : Reply.Json(200, Job));
        using var client = Client(server.BaseAddress, TimeSpan.FromSeconds(2));
        using var cancelled = new CancellationTokenSource();

        var calls = Enumerable.Range(0, 16)
            .Select(i => Outcome(client.IngestJobs.GetAsync("job_1", cancellationToken: i % 2 == 0 ? cancelled.Token : default)))
            .ToArray();
        // Cancel only once the answered half is in, so the count below does not depend on timing.
        while (calls.Count(c => c.IsCompleted) < 8)
        {
            await Task.Delay(10);
        }

        await cancelled.CancelAsync();
        var outcomes = await Task.WhenAll(calls);

        outcomes.Should().OnlyContain(o => o == "ok" || o == nameof(OperationCanceledException) || o == nameof(ServiceTimeoutException));
        outcomes.Count(o => o == "ok").Should().Be(8, "every answered request reached its caller");
        (await client.IngestJobs.GetAsync("job_1")).Id.Should().Be("job_1");
    }

    [Fact]
    public async Task Concurrent_calls_each_see_only_their_own_per_call_callback()
    {
        // Every answer carries its number; a context reused with another call's OnResponse would report one twice.
        await using var server = new ScriptedServer(n => Reply.Json(200, Job, ("X-Request-Id", n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var client = Client(server.BaseAddress, TimeSpan.FromSeconds(30));
        var seen = new System.Collections.Concurrent.ConcurrentBag<(int Caller, string? RequestId)>();

        // In waves of 4 (the pool keeps a few contexts), so later waves run on contexts earlier ones gave back.
        for (var wave = 0; wave < 50; wave++)
        {
            await Task.WhenAll(Enumerable.Range(wave * 4, 4).Select(async i =>
            {
                // Calls 1 and 2 of each wave have no callback: they must not inherit one.
                var options = i % 4 is 0 or 3 ? new AgentsetRequestOptions { OnResponse = r => seen.Add((i, r.RequestId)) } : null;
                await client.IngestJobs.GetAsync("job_1", options);
            }));
        }

        seen.Select(s => s.Caller).Should().OnlyHaveUniqueItems().And.HaveCount(100).And.OnlyContain(i => i % 4 == 0 || i % 4 == 3);
        seen.Select(s => s.RequestId).Should().OnlyHaveUniqueItems();
        server.Requests.Should().HaveCount(200);
    }

    private static async Task<string> Outcome(Task<IngestJob> call)
    {
        try
        {
            await call;
            return "ok";
        }
        catch (Exception ex)
        {
            return ex is OperationCanceledException ? nameof(OperationCanceledException) : ex.GetType().Name;
        }
    }

    /// <summary>A 200 JSON answer sent after a pause.</summary>
    private sealed record Delayed(TimeSpan Pause, string Body) : Reply
    {
        public override async Task<bool> SendAsync(System.Net.Sockets.Socket socket, Stream stream, CancellationToken serverStopping)
        {
            await Task.Delay(Pause, serverStopping);
            return await Json(200, Body).SendAsync(socket, stream, serverStopping);
        }
    }
}
