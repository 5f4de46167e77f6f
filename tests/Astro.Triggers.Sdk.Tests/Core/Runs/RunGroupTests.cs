using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Core.Runs;

/// <summary>RunGroup against the stateful fakes in virtual time: the requests each fake recorded are the reads counted.</summary>
public sealed class RunGroupTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly GroupWaitClock _clock = new(Start);

    private static CreateIngestJobRequest Text(string text) => new() { Payload = new TextPayload { Text = text } };

    /// <summary>Starts one job per length (queued 1 s + pre-processing 0.5 s + the length).</summary>
    private static async Task<List<IngestJobRun>> StartJobsAsync(AgentsetClient client, AgentsetFakeOptions options, params TimeSpan[] lengths)
    {
        var runs = new List<IngestJobRun>();
        foreach (var length in lengths)
        {
            options.ProcessingTime = length;
            runs.Add(await client.IngestJobs.StartAsync(Text("doc " + runs.Count)));
        }

        return runs;
    }

    private static int Count(IEnumerable<Sdk.Testing.Core.RecordedRequest> requests, string operation) => requests.Count(r => r.OperationId == operation);

    [Fact]
    public async Task Agentset_jobs_are_read_a_page_per_cycle_never_one_by_one()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = await StartJobsAsync(client, options, Enumerable.Range(0, 150).Select(i => TimeSpan.FromSeconds(20 + i % 40)).ToArray());
        var before = fake.Requests.Count;

        var group = new RunGroup<IngestJobRun>(runs);
        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p));

        results.Should().HaveCount(150).And.OnlyContain(r => r.Succeeded && r.Status == RunStatus.Succeeded && r.Error == null);
        results.Select(r => r.Run).Should().Equal(runs, "results come in the order the runs were added");
        var reads = fake.Requests.Skip(before).ToList();
        Count(reads, "getIngestJob").Should().Be(0, "every job is on a page of the namespace's list");
        reads.Should().OnlyContain(r => r.OperationId == "listIngestJobs");
        _clock.ReadsPerCycle.Should().OnlyContain(n => n <= 2, "150 jobs fill two pages of 100");
        group.Progress.StatusReads.Should().Be(reads.Count);
        reads[0].QueryValue("order").Should().Be("desc");
    }

    [Fact]
    public async Task Runs_that_end_out_of_order_stream_in_the_order_they_end()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
        var group = new RunGroup<IngestJobRun>(runs);

        var ended = await _clock.DriveAsync(async p =>
        {
            var seen = new List<RunResult<IngestJobRun>>();
            await foreach (var result in group.WhenEachAsync(p))
            {
                seen.Add(result);
            }

            return seen;
        });

        ended.Select(r => r.Run).Should().Equal(runs[1], runs[2], runs[0]);
        ended.Select(r => r.NoticedAt).Should().BeInAscendingOrder();
        foreach (var (result, length) in ended.Zip(new[] { 6.5, 31.5, 91.5 }))
        {
            var lag = result.NoticedAt - (Start + TimeSpan.FromSeconds(length));
            lag.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero);
            lag.TotalSeconds.Should().BeLessThanOrEqualTo(Math.Max(1, 0.1 * length), "each run keeps the single-run schedule");
        }
    }

    [Fact]
    public async Task Progress_counts_each_status_and_names_the_oldest_run_still_going()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        fake.FailNextRuns(1, "The document could not be parsed.");
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));
        var group = new RunGroup<IngestJobRun>(runs);
        group.Progress.Should().Match<RunGroupProgress>(p => p.Total == 3 && p.Queued == 3 && p.Pending == 3 && p.OldestRunning == runs[0]);
        var reports = new List<RunGroupProgress>();

        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p), reports.Add);

        reports.Should().Contain(p => p.Running == 3, "all three were processing at once");
        reports.Should().Contain(p => p.Succeeded == 1 && p.Running == 2 && p.OldestRunning == runs[0], "the 10 s job ended first");
        reports.Should().Contain(p => p.Succeeded == 2 && p.Running == 1 && p.Failed == 0 && p.OldestRunning == runs[0]);
        var last = reports[^1];
        last.Should().Match<RunGroupProgress>(p => p.Succeeded == 2 && p.Failed == 1 && p.Ended == 3 && p.Pending == 0 && p.OldestRunning == null);
        group.Progress.Should().BeEquivalentTo(last, o => o.Excluding(p => p.ObservedAt).Excluding(p => p.StatusReads));
        results[0].Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task A_failed_run_carries_RunFailedException_and_the_others_still_end()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        fake.FailNextRuns(1, "The document could not be parsed.");
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

        var results = await _clock.DriveAsync(p => new RunGroup<IngestJobRun>(runs).WaitForAllAsync(p));

        var failed = results[0];
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().BeOfType<RunFailedException>().Which.ServiceError.Should().Be("The document could not be parsed.");
        failed.Invoking(r => r.GetRunOrThrow()).Should().Throw<RunFailedException>().Which.Run.Should().BeSameAs(runs[0]);
        results[1].GetRunOrThrow().Should().BeSameAs(runs[1]);
    }

    [Fact]
    public async Task Cancel_all_stops_every_TrueFoundry_run_and_each_ends_with_RunCancelledException()
    {
        await using var fake = TrueFoundryFake.Start(new TrueFoundryFakeOptions { TimeProvider = _clock, RunTime = TimeSpan.FromMinutes(10) });
        using var client = new TrueFoundryClient(fake.CreateClientOptions());
        var runs = new List<TrueFoundryJobRun>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = fake.ApplicationId }));
        }

        var group = new RunGroup<TrueFoundryJobRun>(runs);
        (await group.CancelAllAsync()).Should().Be(3);
        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p));

        Count(fake.Requests, "terminateJobRun").Should().Be(3);
        results.Should().OnlyContain(r => r.Status == RunStatus.Cancelled && r.Error is RunCancelledException);
        group.Progress.Cancelled.Should().Be(3);
    }

    [Fact]
    public async Task Cancel_all_leaves_runs_of_services_without_a_stop_call()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var group = new RunGroup<IngestJobRun>(await StartJobsAsync(client, options, TimeSpan.FromSeconds(5)));

        (await group.CancelAllAsync()).Should().Be(0);
        fake.Requests.Should().OnlyContain(r => r.OperationId == "createIngestJob");
    }

    [Fact]
    public async Task A_run_the_list_does_not_show_is_read_on_its_own()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        await client.IngestJobs.DeleteAsync(runs[0].Id);
        _clock.Advance(TimeSpan.FromSeconds(2));   // the deleted job is gone from the list and answers 404
        var before = fake.Requests.Count;

        var group = new RunGroup<IngestJobRun>(runs);
        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p));

        var reads = fake.Requests.Skip(before).ToList();
        Count(reads, "getIngestJob").Should().Be(1, "the list did not show the deleted job, so it was read on its own, once");
        reads.First(r => r.OperationId == "getIngestJob").Path.Should().EndWith(runs[0].Id);
        results[0].Error.Should().BeOfType<NotFoundException>("a read that fails ends that run only, with what a single wait would throw");
        results[1].Succeeded.Should().BeTrue();
        group.Progress.Should().Match<RunGroupProgress>(p => p.Abandoned == 1 && p.Succeeded == 1 && p.Ended == 2);
    }

    [Fact]
    public async Task A_list_that_fails_falls_back_to_single_reads_for_that_cycle()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        fake.Faults.For("listIngestJobs").ServerError(1, status: 500);
        var before = fake.Requests.Count;

        var results = await _clock.DriveAsync(p => new RunGroup<IngestJobRun>(runs).WaitForAllAsync(p));

        results.Should().OnlyContain(r => r.Succeeded);
        var reads = fake.Requests.Skip(before).ToList();
        reads.Take(3).Select(r => r.OperationId).Should().Equal("listIngestJobs", "getIngestJob", "getIngestJob");
        Count(reads.Skip(3), "getIngestJob").Should().Be(0, "the next cycles read the list again");
    }

    [Fact]
    public async Task A_throttled_list_read_is_not_retried_past_the_runs_deadline_and_the_deadline_read_sees_them_end()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        // The client's default retries would wait the 10 s hint inside the list read (MaxDelay 30 s), and the group's
        // clock never moves for a timer inside a read: only a read that does not sleep past the deadline ends.
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = await StartJobsAsync(client, options, TimeSpan.Zero, TimeSpan.Zero);
        fake.Faults.For("listIngestJobs").ServerError(1, status: 503, retryAfter: TimeSpan.FromSeconds(10));
        var before = fake.Requests.Count;
        var group = new RunGroup<IngestJobRun>(runs, new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(2) });

        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p));

        results.Should().OnlyContain(r => r.Succeeded, "the read at the deadline (2 s) sees both jobs completed (at 1.5 s)");
        fake.Requests.Skip(before).Select(r => r.OperationId).Should().Equal("listIngestJobs", "listIngestJobs");
        _clock.Sleeps.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_rate_limit_reset_past_the_deadline_refuses_the_deadline_list_read_and_the_runs_time_out_there()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        fake.Faults.For("listIngestJobs").RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(60));
        var before = fake.Requests.Count;
        var group = new RunGroup<IngestJobRun>(runs, new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(2) });

        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p));

        results.Should().OnlyContain(r => r.Error is RunWaitTimeoutException, "the pacer would hold the deadline read for the minute: it is not sent");
        fake.Requests.Skip(before).Select(r => r.OperationId).Should().Equal("listIngestJobs");
        _clock.Sleeps.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        (_clock.GetUtcNow() - Start).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Shipyard_reads_the_fleet_CSV_once_per_cycle_for_every_run_of_the_fleet()
    {
        await using var fake = ShipyardFake.Start(new ShipyardFakeOptions { TimeProvider = _clock, RunTime = TimeSpan.FromSeconds(30) });
        using var client = new ShipyardClient(fake.CreateClientOptions());
        var runs = new List<ShipyardFleetRun>();
        for (var i = 0; i < 60; i++)
        {
            runs.Add(await client.FleetRuns.StartAsync(fake.OrgId, fake.ProjectId, fake.FleetId));
        }

        var before = fake.Requests.Count;
        var results = await _clock.DriveAsync(p => new RunGroup<ShipyardFleetRun>(runs).WaitForAllAsync(p));

        results.Should().OnlyContain(r => r.Succeeded);
        _clock.ReadsPerCycle.Should().OnlyContain(n => n == 1);
        fake.Requests.Count.Should().Be(before + _clock.ReadsPerCycle.Count);
    }

    [Fact]
    public async Task Mixpeek_reads_the_trigger_history_and_a_task_only_when_its_status_changed()
    {
        await using var fake = MixpeekFake.Start(new MixpeekFakeOptions { TimeProvider = _clock, TaskStepTime = TimeSpan.FromSeconds(20) });
        using var client = new MixpeekClient(fake.CreateClientOptions());
        var trigger = await client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clu_1"), new IntervalSchedule(TimeSpan.FromHours(1))));
        var runs = new List<TriggerExecutionRun>();
        for (var i = 0; i < 5; i++)
        {
            runs.Add(await client.Executions.StartAsync(trigger.TriggerId));
        }

        var before = fake.Requests.Count;
        var results = await _clock.DriveAsync(p => new RunGroup<TriggerExecutionRun>(runs).WaitForAllAsync(p));

        results.Should().OnlyContain(r => r.Succeeded && r.Run.Value.Status == MixpeekTaskStatus.Completed);
        var reads = fake.Requests.Skip(before).ToList();
        var history = Count(reads, "getTriggerHistory");
        var tasks = Count(reads, "getTask");
        history.Should().Be(_clock.ReadsPerCycle.Count, "one history page per cycle");
        tasks.Should().BeLessThanOrEqualTo(5 * 3, "a task is read only when the history shows its status changed");
        (history + tasks).Should().BeLessThan(5 * history, "five runs read one by one would cost a read each per cycle");
    }

    [Fact]
    public async Task Caller_cancellation_stops_the_wait_and_a_later_wait_goes_on()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));
        var group = new RunGroup<IngestJobRun>(runs);
        using var cts = new CancellationTokenSource();

        var first = await _clock.DriveAsync(async p =>
        {
            await foreach (var result in group.WhenEachAsync(p, cts.Token))
            {
                await cts.CancelAsync();
                return result;
            }

            return null;
        });
        first!.Run.Should().BeSameAs(runs[0]);
        var stopped = () => _clock.DriveAsync(p => group.WaitForAllAsync(p, cts.Token));
        await stopped.Should().ThrowAsync<OperationCanceledException>();

        var all = await _clock.DriveAsync(p => group.WaitForAllAsync(p));
        all.Should().OnlyContain(r => r.Succeeded);
    }

    [Fact]
    public async Task One_wait_at_a_time_and_runs_join_once()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(5));
        var group = new RunGroup<IngestJobRun>(runs);

        group.Invoking(g => g.Add(runs[0])).Should().Throw<ArgumentException>().WithMessage("*already in the group*");
        using var cts = new CancellationTokenSource();
        var first = group.WhenEachAsync(cancellationToken: cts.Token).GetAsyncEnumerator();
        var moving = first.MoveNextAsync().AsTask();
        var second = () => group.WaitForAllAsync();
        await second.Should().ThrowAsync<InvalidOperationException>();
        await cts.CancelAsync();
        await moving.Invoking(m => m).Should().ThrowAsync<OperationCanceledException>();
        await first.DisposeAsync();
        (await _clock.DriveAsync(p => group.WaitForAllAsync(p))).Should().ContainSingle().Which.Succeeded.Should().BeTrue("the guard is released");
    }

    [Fact]
    public async Task A_mixed_group_reads_each_service_through_its_own_list()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var agentset = AgentsetFake.Start(options);
        await using var truefoundry = TrueFoundryFake.Start(new TrueFoundryFakeOptions { TimeProvider = _clock, RunTime = TimeSpan.FromSeconds(20) });
        using var a = new AgentsetClient(agentset.CreateClientOptions());
        using var t = new TrueFoundryClient(truefoundry.CreateClientOptions());
        var group = new RunGroup<TriggeredRun>();
        foreach (var run in await StartJobsAsync(a, options, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(40)))
        {
            group.Add(run);
        }

        group.Add(await t.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = truefoundry.ApplicationId }));
        group.Add(await t.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = truefoundry.ApplicationId }));

        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p));

        results.Should().HaveCount(4).And.OnlyContain(r => r.Succeeded);
        Count(agentset.Requests, "getIngestJob").Should().Be(0);
        Count(truefoundry.Requests, "getJobRun").Should().Be(0);
        Count(truefoundry.Requests, "listJobRuns").Should().BePositive();
    }
    [Fact]
    public async Task Runs_resumed_from_tokens_in_another_client_are_read_through_the_list_too()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var tokens = (await StartJobsAsync(client, options, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15))).Select(r => r.ResumeToken!).ToList();
        using var later = new AgentsetClient(fake.CreateClientOptions());
        var before = fake.Requests.Count;

        var results = await _clock.DriveAsync(p => new RunGroup<IngestJobRun>(tokens.Select(t => later.ResumeRun(t))).WaitForAllAsync(p));

        results.Should().OnlyContain(r => r.Succeeded);
        fake.Requests.Skip(before).Should().OnlyContain(r => r.OperationId == "listIngestJobs", "a resumed job knows its namespace and tenant, its list's scope");
    }

    [Fact]
    public async Task Under_the_service_s_enforced_limit_the_group_paces_its_list_reads_and_no_run_is_lost_to_a_429()
    {
        // Real time: 250 jobs are three list pages a cycle; 50 ms polls want ~60 reads a second against a limit of 4 a
        // second. The group's reads are the client's own calls, so the pacer spaces them by the headers.
        var options = new AgentsetFakeOptions
        {
            QueuedTime = TimeSpan.FromMilliseconds(200), PreProcessingTime = TimeSpan.Zero, ProcessingTime = TimeSpan.FromMilliseconds(300),
            RateLimit = 4, RateLimitWindow = TimeSpan.FromSeconds(1),
        };
        await using var fake = AgentsetFake.Start(options);
        var wire = new RecordingHandler(new SocketsHttpHandler());
        var clientOptions = fake.CreateClientOptions();
        clientOptions.Transport = wire;
        using var client = new AgentsetClient(clientOptions);
        var runs = new List<IngestJobRun>();
        for (var i = 0; i < 250; i++)
        {
            runs.Add(await client.IngestJobs.StartAsync(Text("doc " + i)));
        }

        options.EnforceRateLimit = true;
        var before = fake.Requests.Count;
        var group = new RunGroup<IngestJobRun>(runs, new RunWaitOptions { PollInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromMinutes(1) });

        var results = await group.WaitForAllAsync();

        results.Should().HaveCount(250).And.OnlyContain(r => r.Succeeded, "a throttled read is paced or retried, never a run's end");
        var reads = fake.Requests.Skip(before).ToList();
        reads.Should().OnlyContain(r => r.OperationId == "listIngestJobs");
        wire.Answered(429).Should().BeLessThanOrEqualTo(1, "the pacer spends what the headers say is left (at most the first read is blind)");
        var perSecond = reads.GroupBy(r => r.ReceivedAt.ToUnixTimeMilliseconds() / 1000).Max(g => g.Count());
        perSecond.Should().BeLessThanOrEqualTo(2 * options.RateLimit, "reads stay near the limit's pace");
    }

    [Fact]
    public async Task A_timeout_shorter_than_the_poll_interval_reads_each_run_at_its_deadline_not_a_poll_interval_later()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        // The first ends at 1.5 s (queued 1 s + pre-processing 0.5 s), the second goes on for an hour.
        var runs = await StartJobsAsync(client, options, TimeSpan.Zero, TimeSpan.FromHours(1));
        var before = fake.Requests.Count;
        var group = new RunGroup<IngestJobRun>(runs, new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(2) });

        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p));

        _clock.Sleeps.Should().Equal(TimeSpan.FromSeconds(2));
        _clock.ReadsPerCycle.Should().Equal(1);
        var reads = fake.Requests.Skip(before).ToList();
        reads.Should().ContainSingle().Which.OperationId.Should().Be("listIngestJobs");
        (reads[0].ReceivedAt - Start).Should().Be(TimeSpan.FromSeconds(2));
        results[0].Succeeded.Should().BeTrue("the read at the deadline saw it end");
        var timedOut = results[1].Error.Should().BeOfType<RunWaitTimeoutException>().Which;
        timedOut.Polls.Should().Be(1);
        timedOut.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        timedOut.Run.Status.Should().Be(RunStatus.Running);
        group.Progress.Abandoned.Should().Be(1);
        group.Progress.StatusReads.Should().Be(1);
    }

    [Fact]
    public async Task A_timeout_at_an_exact_poll_time_ends_after_the_cycle_at_it_which_still_returns_runs_that_ended()
    {
        var options = new AgentsetFakeOptions { TimeProvider = _clock };
        await using var fake = AgentsetFake.Start(options);
        using var client = new AgentsetClient(fake.CreateClientOptions());
        // The first ends at 2.5 s, between the reads at 2 and 3 s.
        var runs = await StartJobsAsync(client, options, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        var group = new RunGroup<IngestJobRun>(runs, new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(3) });

        var results = await _clock.DriveAsync(p => group.WaitForAllAsync(p));

        _clock.Sleeps.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _clock.ReadsPerCycle.Should().Equal(1, 1, 1);
        results[0].Succeeded.Should().BeTrue();
        (results[0].NoticedAt - Start).Should().Be(TimeSpan.FromSeconds(3));
        results[1].Error.Should().BeOfType<RunWaitTimeoutException>().Which.Polls.Should().Be(3);
        (_clock.GetUtcNow() - Start).Should().Be(TimeSpan.FromSeconds(3), "no read and no sleep after the deadline");
    }
}
