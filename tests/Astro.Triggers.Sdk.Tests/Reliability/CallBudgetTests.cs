using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 21, kind 1: every retry wait is compared with what remains of the call — its Timeout (client or
/// per call), MaxElapsed and MaxDelay — before it starts; a refused (429/503) call is never reported as
/// "may have been processed".</summary>
public sealed class CallBudgetTests : FaultMatrixTestBase
{
    // Small virtual steps: real time spent connecting and answering must not eat the short budgets these tests set.
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    private const string RateLimited = """{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow down"}}""";

    private async Task<(Exception? Error, int Requests, TimeSpan Elapsed)> Run(
        Func<AgentsetClient, Task> call, Func<int, Reply> script, Action<ServiceClientOptions> tweak)
    {
        await using var server = new ScriptedServer(script);
        var started = Clock.GetUtcNow();
        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress, tweak)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await call(client);
        }, Step);
        return (error, server.Requests.Count, Clock.GetUtcNow() - started);
    }

    private static Task Get(AgentsetClient client) => client.IngestJobs.GetAsync("job_1");

    private static Task Create(AgentsetClient client) =>
        client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });

    [Fact]
    public async Task A_retry_after_longer_than_the_call_timeout_is_thrown_at_once_as_the_429()
    {
        var (error, requests, elapsed) = await Run(Get, _ => Reply.Json(429, RateLimited, ("Retry-After", "10")), o =>
        {
            o.Timeout = TimeSpan.FromSeconds(3);
            o.Retry = new RetryOptions();
        });

        var ex = error.Should().BeOfType<RateLimitExceededException>().Subject;
        ex.Status.Should().Be(429);
        ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(10));
        ex.ErrorCode.Should().Be("rate_limit_exceeded");
        ex.ServiceMessage.Should().Be("slow down");
        ex.MayHaveBeenProcessed.Should().BeFalse();
        requests.Should().Be(1);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "no wait that cannot finish is started (it would have ended as a timeout)");
    }

    [Fact]
    public async Task A_create_refused_with_429_beyond_the_budget_says_it_was_not_processed()
    {
        var (error, requests, _) = await Run(Create, _ => Reply.Json(429, RateLimited, ("Retry-After", "10")), o =>
        {
            o.Timeout = TimeSpan.FromSeconds(3);
            o.Retry = new RetryOptions();
        });

        var ex = error.Should().BeOfType<RateLimitExceededException>().Subject;
        ex.MayHaveBeenProcessed.Should().BeFalse("a 429 proves the service did nothing");
        ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(10));
        requests.Should().Be(1);
    }

    [Fact]
    public async Task A_per_call_timeout_bounds_the_wait_like_the_clients()
    {
        await using var server = new ScriptedServer(_ => Reply.Json(429, RateLimited, ("Retry-After", "10")));
        var error = await RunCallAsync(async () =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)Options(server.BaseAddress)(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.GetAsync("job_1", new AgentsetRequestOptions { Timeout = TimeSpan.FromSeconds(5) });
        }, Step);

        error.Should().BeOfType<RateLimitExceededException>().Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(10));
        server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Max_elapsed_bounds_the_wait_when_it_is_the_smaller_budget()
    {
        var (error, requests, _) = await Run(Get, _ => Reply.Json(503, "{}", ("Retry-After", "5")), o =>
        {
            o.Timeout = TimeSpan.FromMinutes(10);
            o.Retry = new RetryOptions { MaxElapsed = TimeSpan.FromSeconds(4) };
        });

        error.Should().BeOfType<UnexpectedStatusException>().Which.Should().Match<UnexpectedStatusException>(e => e.Status == 503 && e.RetryAfter == TimeSpan.FromSeconds(5));
        requests.Should().Be(1);
    }

    [Fact]
    public async Task Waits_that_fit_are_taken_and_the_one_that_does_not_is_not()
    {
        // Timeout 10 s, Retry-After 4 s: attempts at 0, 4 and 8 s; the wait after the third would end at 12 s.
        var (error, requests, elapsed) = await Run(Get, _ => Reply.Json(429, RateLimited, ("Retry-After", "4")), o =>
        {
            o.Timeout = TimeSpan.FromSeconds(10);
            o.Retry = new RetryOptions { MaxAttempts = 10 };
        });

        error.Should().BeOfType<RateLimitExceededException>();
        requests.Should().Be(3);
        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(8)).And.BeLessThan(TimeSpan.FromSeconds(12), "no fourth wait was started");
    }

    [Fact]
    public async Task A_backoff_that_would_outlast_the_budget_ends_the_call_with_the_last_answer()
    {
        // Backoff 4 s then 8 s (no jitter); the call has 10 s: the second wait does not fit.
        var (error, requests, elapsed) = await Run(Get, _ => Reply.Json(502, "{}"), o =>
        {
            o.Timeout = TimeSpan.FromSeconds(10);
            o.Retry = new RetryOptions { UseJitter = false, BaseDelay = TimeSpan.FromSeconds(4) };
        });

        error.Should().BeOfType<UnexpectedStatusException>().Which.Status.Should().Be(502, "the service's answer, not a timeout of our own making");
        requests.Should().Be(2);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_retry_after_beyond_max_delay_is_thrown_at_once_however_large_the_budget()
    {
        var (error, requests, _) = await Run(Create, _ => Reply.Json(503, "{}", ("Retry-After", "45")), o =>
        {
            o.Timeout = TimeSpan.FromMinutes(10);
            o.Retry = new RetryOptions { MaxElapsed = TimeSpan.FromMinutes(10) };
        });

        var ex = error.Should().BeOfType<UnexpectedStatusException>().Subject;
        ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(45));
        ex.MayHaveBeenProcessed.Should().BeFalse("503 with Retry-After says the service did not act");
        requests.Should().Be(1);
    }

    [Fact]
    public async Task A_rate_limit_reset_on_an_answer_that_is_not_a_429_is_not_reported_as_retry_after()
    {
        // Agentset sends X-RateLimit-Reset on every answer; on a 404 or 500 it says when the window reopens, not when to retry.
        var reset = Clock.GetUtcNow().AddSeconds(40).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (error, requests, _) = await Run(Create, _ => Reply.Json(500, """{"success":false,"error":{"code":"internal_server_error","message":"boom"}}""",
            ("X-RateLimit-Reset", reset), ("X-RateLimit-Remaining", "99")), o => o.Retry = new RetryOptions());

        var ex = error.Should().BeOfType<InternalServerErrorException>().Subject;
        ex.RetryAfter.Should().BeNull();
        ex.Message.Should().NotContain("Retry after");
        requests.Should().Be(1);
    }
}
