using System.Globalization;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>Retry decisions in virtual time, with the number of requests the server saw.</summary>
public sealed class IngestJobsRetryTests : AgentsetClientTestBase
{
    private const string Path = "/v1/namespace/ns_123/ingest-jobs";

    private void FirstThenOk(string method, int status, params (string Name, string Value)[] headers)
    {
        var first = Response.Create().WithStatusCode(status).WithBody("""{"success":false,"error":{"code":"x","message":"y"}}""");
        foreach (var (name, value) in headers)
        {
            first = first.WithHeader(name, value);
        }

        var request = Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher(Path + "*")).UsingMethod(method);
        Server.Given(request).InScenario("s").WillSetStateTo("ok").RespondWith(first);
        Server.Given(request).InScenario("s").WhenStateIs("ok").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(method == "POST" ? 201 : 200).WithBody(AgentsetJson.Single("job_1")));
    }

    private static CreateIngestJobRequest NewJob() => new() { Payload = new TextPayload { Text = "x" } };

    [Fact]
    public async Task A_get_answered_503_is_retried_after_the_backoff()
    {
        FirstThenOk("GET", 503);
        using var client = CreateClient();

        // BaseDelay · 2^0, no jitter.
        await AssertRetriedAfterAsync(client.IngestJobs.GetAsync("job_1"), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_create_answered_429_waits_the_retry_after_seconds_then_sends_again()
    {
        FirstThenOk("POST", 429, ("Retry-After", "2"));
        using var client = CreateClient();

        // Repeated although a create: 429 proves it was not acted on.
        await AssertRetriedAfterAsync(client.IngestJobs.CreateAsync(NewJob()), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Agentsets_unix_millisecond_retry_after_is_read_as_a_moment_not_as_seconds()
    {
        var resetAt = Clock.GetUtcNow().AddSeconds(3).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        FirstThenOk("GET", 429, ("Retry-After", resetAt), ("X-RateLimit-Reset", resetAt));
        using var client = CreateClient();

        await AssertRetriedAfterAsync(client.IngestJobs.GetAsync("job_1"), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task An_http_date_retry_after_is_honoured()
    {
        FirstThenOk("GET", 503, ("Retry-After", Clock.GetUtcNow().AddSeconds(4).ToString("r", CultureInfo.InvariantCulture)));
        using var client = CreateClient();

        await AssertRetriedAfterAsync(client.IngestJobs.GetAsync("job_1"), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_is_thrown_at_once_with_retry_after_set()
    {
        FirstThenOk("GET", 429, ("Retry-After", (114 * 3600).ToString(CultureInfo.InvariantCulture)));
        using var client = CreateClient();

        var ex = (await client.Invoking(c => c.IngestJobs.GetAsync("job_1")).Should().ThrowAsync<RateLimitExceededException>()).Which;

        ex.RetryAfter.Should().Be(TimeSpan.FromHours(114));
        Server.LogEntries.Should().HaveCount(1, "a 114-hour hint is never slept on");
    }

    [Fact]
    public async Task A_create_answered_502_is_not_repeated_but_a_get_is()
    {
        FirstThenOk("POST", 502);
        using var client = CreateClient();

        var ex = (await client.Invoking(c => c.IngestJobs.CreateAsync(NewJob())).Should().ThrowAsync<UnexpectedStatusException>()).Which;

        ex.Status.Should().Be(502);
        ex.MayHaveBeenProcessed.Should().BeTrue();
        Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task Opting_in_to_unsafe_retries_per_call_repeats_the_create()
    {
        FirstThenOk("POST", 502);
        using var client = CreateClient();
        var perCall = new AgentsetRequestOptions { Retry = new() { RetryUnsafeRequests = true, UseJitter = false, BaseDelay = TimeSpan.FromSeconds(1) } };

        await RunAsync(client.IngestJobs.CreateAsync(NewJob(), perCall));

        Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Attempts_stop_at_max_attempts_and_the_last_error_is_thrown()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(504));
        using var client = CreateClient(o => o.Retry.MaxAttempts = 3);

        var task = client.IngestJobs.GetAsync("job_1");
        await RunAsync(task.ContinueWith(_ => { }, TaskScheduler.Default));

        (await task.Invoking(t => t).Should().ThrowAsync<UnexpectedStatusException>()).Which.Status.Should().Be(504);
        Server.LogEntries.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_refused_connection_says_the_request_never_reached_the_server()
    {
        var port = Server.Ports[0];
        Server.Stop();
        using var client = CreateClient(o => { o.BaseAddress = new Uri($"http://127.0.0.1:{port}"); o.Retry.MaxAttempts = 2; });

        var task = client.IngestJobs.CreateAsync(NewJob());
        await RunAsync(task.ContinueWith(_ => { }, TaskScheduler.Default));

        var ex = (await task.Invoking(t => t).Should().ThrowAsync<ServiceTransportException>()).Which;
        ex.MayHaveBeenProcessed.Should().BeFalse();
        Logs.Lines.Count(l => l.Contains("failed with HttpRequestException", StringComparison.Ordinal)).Should().Be(2, "refused twice: a create may be retried when nothing was sent");
    }

    [Fact]
    public async Task The_callers_cancellation_surfaces_as_a_plain_OperationCanceledException_and_is_not_retried()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(5)));
        using var client = CreateClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var act = () => client.IngestJobs.GetAsync("job_1", cancellationToken: cts.Token);

        var ex = (await act.Should().ThrowAsync<OperationCanceledException>()).Which;
        ex.Should().NotBeAssignableTo<ServiceTransportException>();
        Server.LogEntries.Count.Should().BeLessThanOrEqualTo(1);
    }
}
