using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Astro.Triggers.Sdk.Tests.Core.Runs;

/// <summary>TriggeredRun polling in virtual time, through a real Agentset client: the server's answers move a
/// job through its statuses, and every test counts the reads the server saw.</summary>
public sealed class WaitForCompletionTests : AgentsetClientTestBase
{
    private const string JobPath = "/v1/namespace/ns_123/ingest-jobs/job_1";

    private static readonly RunWaitOptions EverySecond = new() { PollInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1, Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>Each GET of the job answers the next body; the last one repeats.</summary>
    private void Answers(params string[] bodies)
    {
        if (bodies.Length == 1)
        {
            Server.Given(Request.Create().WithPath(JobPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(bodies[0]));
            return;
        }

        for (var i = 0; i < bodies.Length; i++)
        {
            var next = i + 1 < bodies.Length ? $"s{i + 1}" : $"s{i}";
            var rule = Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("job");
            rule = i == 0 ? rule : rule.WhenStateIs($"s{i}");
            rule.WillSetStateTo(next).RespondWith(Response.Create().WithStatusCode(200).WithBody(bodies[i]));
        }
    }

    private static string Job(string status, string? error = null) =>
        AgentsetJson.Single("job_1", status).Replace("\"error\": null", error is null ? "\"error\": null" : $"\"error\": \"{error}\"", StringComparison.Ordinal);

    private static IngestJob Queued() => new() { Id = "job_1", NamespaceId = "ns_123", Status = IngestJobStatus.Queued, Payload = new TextPayload { Text = "x" } };

    [Fact]
    public async Task A_run_that_goes_queued_running_succeeded_is_read_three_times_and_reports_each_status()
    {
        Answers(Job("QUEUED"), Job("PROCESSING"), Job("COMPLETED"));
        using var client = CreateClient();
        var seen = new List<RunSnapshot>();
        var run = client.IngestJobs.Track(Queued());

        var wait = run.WaitForCompletionAsync(EverySecond, new InlineProgress<RunSnapshot>(seen.Add));
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        var done = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        Server.LogEntries.Should().HaveCount(3);
        done.Status.Should().Be(RunStatus.Succeeded);
        done.RawStatus.Should().Be("COMPLETED");
        seen.Select(s => s.Status).Should().Equal(RunStatus.Queued, RunStatus.Running, RunStatus.Succeeded);
        seen.Select(s => s.RawStatus).Should().Equal("QUEUED", "PROCESSING", "COMPLETED");
        ((IngestJobRun)done).Value.Status.Should().Be(IngestJobStatus.Completed);
    }

    [Fact]
    public async Task The_poll_interval_grows_by_the_backoff_factor()
    {
        Answers(Job("QUEUED"), Job("PROCESSING"), Job("COMPLETED"));
        using var client = CreateClient();
        var run = client.IngestJobs.Track(Queued());

        var wait = run.WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(1), BackoffFactor = 2 });
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1900));
        await Task.Delay(300);
        Server.LogEntries.Should().HaveCount(2, "the second wait is 2 s, not 1 s");
        Clock.Advance(TimeSpan.FromMilliseconds(100));
        await wait.WaitAsync(TimeSpan.FromSeconds(30));

        Server.LogEntries.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_run_that_fails_throws_RunFailedException_with_the_services_error_text()
    {
        Answers(Job("QUEUED"), Job("FAILED", "Could not parse q3.pdf"));
        using var client = CreateClient();
        var run = client.IngestJobs.Track(Queued());

        var wait = run.WaitForCompletionAsync(EverySecond);
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        var act = () => wait.WaitAsync(TimeSpan.FromSeconds(30));

        var ex = (await act.Should().ThrowAsync<RunFailedException>()).Which;
        ex.FinalStatus.Should().Be(RunStatus.Failed);
        ex.RawStatus.Should().Be("FAILED");
        ex.ServiceError.Should().Be("Could not parse q3.pdf");
        ex.Message.Should().Contain("job_1").And.Contain("Could not parse q3.pdf");
        Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Failure_can_be_returned_instead_of_thrown()
    {
        Answers(Job("CANCELLED"));
        using var client = CreateClient();

        var done = await client.IngestJobs.Track(Queued())
            .WaitForCompletionAsync(new RunWaitOptions { ThrowOnFailure = false }).WaitAsync(TimeSpan.FromSeconds(30));

        done.Status.Should().Be(RunStatus.Cancelled);
        Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_run_that_never_ends_times_out_after_a_last_read_at_the_deadline()
    {
        Answers(Job("PROCESSING"));
        using var client = CreateClient();
        var run = client.IngestJobs.Track(Queued());

        var started = Clock.GetUtcNow();
        var wait = run.WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1, Timeout = TimeSpan.FromSeconds(5) });
        for (var i = 1; i <= 5; i++)
        {
            await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        }

        var act = () => wait.WaitAsync(TimeSpan.FromSeconds(30));
        var ex = (await act.Should().ThrowAsync<RunWaitTimeoutException>()).Which;

        // Reads at 0, 1, 2, 3, 4 and, the last, at the timeout itself (5 s); the wait ends then, not before.
        (Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(5));
        ex.Polls.Should().Be(6);
        Server.LogEntries.Should().HaveCount(6);
        ex.Run.Status.Should().Be(RunStatus.Running);
        ex.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        ex.MayHaveBeenProcessed.Should().BeTrue();
    }

    [Fact]
    public async Task A_timeout_shorter_than_the_poll_interval_reads_at_the_deadline_not_a_poll_interval_later()
    {
        Answers(Job("PROCESSING"));
        using var client = CreateClient();
        var started = Clock.GetUtcNow();

        var wait = client.IngestJobs.Track(Queued())
            .WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(2) });
        // The wait's deadline is a 2 s timer of its own, made first; the sleep to the deadline read is the second.
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2), TimeSpan.Zero);
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2));
        var act = () => wait.WaitAsync(TimeSpan.FromSeconds(30));

        var ex = (await act.Should().ThrowAsync<RunWaitTimeoutException>()).Which;
        ex.Polls.Should().Be(2);
        Server.LogEntries.Should().HaveCount(2, "a read at 0 and one at the 2 s deadline");
        (Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_run_that_ended_before_the_deadline_is_returned_by_the_read_at_it_not_timed_out()
    {
        // Still going at 0 and 1 s, ended by the read at the 2 s deadline (say at 1.5 s).
        Answers(Job("PROCESSING"), Job("PROCESSING"), Job("COMPLETED"));
        using var client = CreateClient();
        var started = Clock.GetUtcNow();

        var wait = client.IngestJobs.Track(Queued())
            .WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(2) });
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        var done = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        done.Status.Should().Be(RunStatus.Succeeded);
        Server.LogEntries.Should().HaveCount(3);
        (Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_timeout_of_zero_is_refused_before_any_read()
    {
        using var client = CreateClient();

        var act = () => client.IngestJobs.Track(Queued()).WaitForCompletionAsync(new RunWaitOptions { Timeout = TimeSpan.Zero });

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("RunWaitOptions.Timeout");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task Cancellation_while_sleeping_towards_the_deadline_read_is_cancellation_not_a_timeout()
    {
        Answers(Job("PROCESSING"));
        using var client = CreateClient();
        using var cts = new CancellationTokenSource();

        var wait = client.IngestJobs.Track(Queued())
            .WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(2) }, cancellationToken: cts.Token);
        await WaitUntilAsync(() => Server.LogEntries.Count == 1);
        await Task.Delay(100);
        await cts.CancelAsync();
        var act = () => wait.WaitAsync(TimeSpan.FromSeconds(30));

        await act.Should().ThrowExactlyAsync<TaskCanceledException>();
        Clock.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_with_OperationCanceledException_and_no_further_reads()
    {
        Answers(Job("PROCESSING"));
        using var client = CreateClient();
        using var cts = new CancellationTokenSource();

        var wait = client.IngestJobs.Track(Queued()).WaitForCompletionAsync(EverySecond, cancellationToken: cts.Token);
        await WaitUntilAsync(() => Server.LogEntries.Count == 1);
        await Task.Delay(100);
        await cts.CancelAsync();
        var act = () => wait.WaitAsync(TimeSpan.FromSeconds(30));

        await act.Should().ThrowExactlyAsync<TaskCanceledException>();
        Clock.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_429_while_polling_waits_the_services_retry_after_instead_of_the_interval()
    {
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("t").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "5")
                .WithBody("""{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow down"}}"""));
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("t").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Job("COMPLETED")));
        // No retries in the client, so the poller itself meets the 429.
        using var client = CreateClient(o => o.Retry = RetryOptions.None);

        var wait = client.IngestJobs.Track(Queued()).WaitForCompletionAsync(EverySecond);
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(4900));
        await Task.Delay(300);
        Server.LogEntries.Should().HaveCount(1, "Retry-After said 5 s");
        Clock.Advance(TimeSpan.FromMilliseconds(100));
        var done = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        done.Status.Should().Be(RunStatus.Succeeded);
        Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_time_left_is_cut_to_it_and_the_run_read_at_the_deadline()
    {
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("t").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "600")
                .WithBody("""{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow down"}}"""));
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("t").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Job("COMPLETED")));
        using var client = CreateClient(o => o.Retry = RetryOptions.None);
        var started = Clock.GetUtcNow();

        var wait = client.IngestJobs.Track(Queued()).WaitForCompletionAsync(new RunWaitOptions { Timeout = TimeSpan.FromMinutes(1) });
        // The deadline's own 1-minute timer first, then the sleep: the time left (1 min), not the 10-minute hint.
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromMinutes(1), TimeSpan.Zero);
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromMinutes(1));
        var done = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        done.Status.Should().Be(RunStatus.Succeeded);
        Server.LogEntries.Should().HaveCount(2);
        (Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Still_throttled_at_the_deadline_read_is_the_timeout_with_no_status_read()
    {
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(429)
            .WithHeader("Retry-After", "600").WithBody("""{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow down"}}"""));
        using var client = CreateClient(o => o.Retry = RetryOptions.None);

        var wait = client.IngestJobs.Track(Queued()).WaitForCompletionAsync(new RunWaitOptions { Timeout = TimeSpan.FromMinutes(1) });
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromMinutes(1), TimeSpan.Zero);
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromMinutes(1));
        var act = () => wait.WaitAsync(TimeSpan.FromSeconds(30));

        var ex = (await act.Should().ThrowAsync<RunWaitTimeoutException>()).Which;
        ex.Polls.Should().Be(0);
        Server.LogEntries.Should().HaveCount(2, "a read at 0 and one at the deadline, both throttled");
    }

    [Fact]
    public async Task An_Agentset_429_whose_reset_is_a_minute_away_ends_the_wait_at_its_2_s_deadline_with_one_GET()
    {
        // The new-user trial's case: Agentset's 429 names its reset (Unix ms) a minute ahead, so the client's pacer holds
        // every call until then. The read at the deadline must not wait for it: nothing is sent, and the wait times out.
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = Clock });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        fake.Faults.For("getIngestJob").RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(60));
        var started = Clock.GetUtcNow();

        var wait = run.WaitForCompletionAsync(pollInterval: TimeSpan.FromSeconds(1), timeout: TimeSpan.FromSeconds(2));
        // The deadline's own 2 s timer first, then the sleep: the time left (2 s), not the minute.
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2), TimeSpan.Zero);
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2));
        var act = () => wait.WaitAsync(TimeSpan.FromSeconds(30));

        var ex = (await act.Should().ThrowAsync<RunWaitTimeoutException>()).Which;
        (Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(2), "the wait ends at its deadline, not at the reset");
        fake.Requests.Count(r => r.OperationId == "getIngestJob").Should().Be(1, "the read at the deadline was refused by the pacer, unsent");
        ex.Polls.Should().Be(0);
        ex.Timeout.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_503_retry_after_longer_than_the_time_left_is_not_retried_inside_the_read_and_the_deadline_read_returns_the_run()
    {
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("t").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "10")
                .WithBody("""{"success":false,"error":{"code":"service_unavailable","message":"try later"}}"""));
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("t").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Job("COMPLETED")));
        // The client's default retries, which would wait the 10 s hint (MaxDelay 30 s) on a plain read.
        using var client = CreateClient();
        var limits = new List<object?>();
        var started = Clock.GetUtcNow();

        var wait = client.IngestJobs.Track(Queued()).WaitForCompletionAsync(
            new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(2) },
            new InlineProgress<RunSnapshot>(_ => limits.Add(WaitDelayLimit.Current)));
        // No 10 s retry timer inside the read: the deadline's timer, then the wait's own sleep of the 2 s left.
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2), TimeSpan.Zero);
        await Clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2));
        var done = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        done.Status.Should().Be(RunStatus.Succeeded);
        (Clock.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(2));
        Server.LogEntries.Should().HaveCount(2, "the 503 at 0 (not retried) and the read at the deadline");
        limits.Should().ContainSingle().Which.Should().BeNull("the limit is scoped to the read: the progress callback's own calls are not bounded");
    }

    [Fact]
    public async Task Outside_a_wait_a_plain_read_still_retries_a_503_after_its_retry_after()
    {
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("t").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "10")
                .WithBody("""{"success":false,"error":{"code":"service_unavailable","message":"try later"}}"""));
        Server.Given(Request.Create().WithPath(JobPath).UsingGet()).InScenario("t").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Job("COMPLETED")));
        using var client = CreateClient();

        var get = client.IngestJobs.GetAsync("job_1");

        await AssertRetriedAfterAsync(get, TimeSpan.FromSeconds(10));
        WaitDelayLimit.Current.Should().BeNull();
    }

    [Fact]
    public async Task Outside_a_wait_a_plain_read_is_still_paced_until_the_reset_and_then_sent()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = Clock });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var job = await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        fake.Faults.For("getIngestJob").RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(60));
        var first = () => client.IngestJobs.GetAsync(job.Id);
        await first.Should().ThrowAsync<RateLimitExceededException>("a 60 s hint is past MaxDelay: not retried");
        var started = Clock.GetUtcNow();

        var elapsed = await RunAsync(client.IngestJobs.GetAsync(job.Id));

        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(59.9), "the pacer held the read until the reset, as before");
        (Clock.GetUtcNow() - started).Should().BeLessThan(TimeSpan.FromSeconds(61));
        fake.Requests.Count(r => r.OperationId == "getIngestJob").Should().Be(2, "then it was sent");
    }

    [Fact]
    public async Task Other_errors_while_polling_surface_as_they_are()
    {
        Server.Given(Request.Create().WithPath(JobPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"success":false,"error":{"code":"not_found","message":"gone"}}"""));
        using var client = CreateClient();

        var act = () => client.IngestJobs.Track(Queued()).WaitForCompletionAsync(EverySecond).WaitAsync(TimeSpan.FromSeconds(30));

        await act.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Invalid_wait_options_are_refused_before_any_request()
    {
        using var client = CreateClient();
        var run = client.IngestJobs.Track(Queued());

        var act = () => run.WaitForCompletionAsync(new RunWaitOptions { BackoffFactor = 0.5 });

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("RunWaitOptions.BackoffFactor");
        Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData(IngestJobStatus.Backlog, RunStatus.Queued)]
    [InlineData(IngestJobStatus.QueuedForResync, RunStatus.Queued)]
    [InlineData(IngestJobStatus.PreProcessing, RunStatus.Running)]
    [InlineData(IngestJobStatus.Cancelling, RunStatus.Running)]
    [InlineData(IngestJobStatus.Completed, RunStatus.Succeeded)]
    [InlineData(IngestJobStatus.Failed, RunStatus.Failed)]
    [InlineData(IngestJobStatus.Cancelled, RunStatus.Cancelled)]
    public void Agentset_statuses_map_onto_the_common_model(IngestJobStatus status, RunStatus expected) =>
        IngestJobRun.Map(status).Should().Be(expected);
}
