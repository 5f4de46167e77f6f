using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Testing;

public sealed class MixpeekFakeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly MixpeekFake _fake;
    private readonly MixpeekClient _client;

    public MixpeekFakeTests()
    {
        _fake = MixpeekFake.Start(new MixpeekFakeOptions { TimeProvider = _time });
        _client = new MixpeekClient(_fake.CreateClientOptions());
    }

    public void Dispose()
    {
        _client.Dispose();
        _fake.Dispose();
    }

    private Task<Trigger> CronAsync(string cluster = "clu_1") =>
        _client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction(cluster), new CronSchedule("30 2 * * *", "Europe/Berlin")) { Description = "nightly" });

    [Fact]
    public async Task A_cron_trigger_keeps_its_config_and_schedules_in_its_zone()
    {
        var created = await CronAsync();
        created.TriggerId.Should().StartWith("trg_");
        created.Status.Should().Be(TriggerStatus.Active);
        var schedule = created.Schedule.Should().BeOfType<CronSchedule>().Which;
        schedule.CronExpression.Should().Be("30 2 * * *");
        schedule.TimeZone.Should().Be("Europe/Berlin");
        created.Action.Should().BeOfType<ClusterAction>().Which.ClusterId.Should().Be("clu_1");
        created.NextScheduledAt.Should().Be(new DateTimeOffset(2026, 11, 24, 1, 30, 0, TimeSpan.Zero), "02:30 in Berlin in November is 01:30 UTC");

        var fetched = await _client.Triggers.GetAsync(created.TriggerId);
        fetched.Description.Should().Be("nightly");
        fetched.CreatedAt.Should().Be(_time.GetUtcNow());
    }

    [Fact]
    public async Task Pause_and_resume_change_status_and_the_next_run()
    {
        var trigger = await CronAsync();
        var paused = await _client.Triggers.PauseAsync(trigger.TriggerId);
        paused.Status.Should().Be(TriggerStatus.Paused);
        paused.NextScheduledAt.Should().BeNull();
        var execute = () => _client.Executions.StartAsync(trigger.TriggerId);
        await execute.Should().ThrowAsync<BadRequestException>();

        (await _client.Triggers.ResumeAsync(trigger.TriggerId)).Status.Should().Be(TriggerStatus.Active);
    }

    [Fact]
    public async Task Execute_starts_a_task_that_shows_in_history_and_counters()
    {
        var trigger = await CronAsync();
        var task = (await _client.Executions.StartAsync(trigger.TriggerId)).Value;
        task.Status.Should().Be(MixpeekTaskStatus.Pending);
        _time.Advance(TimeSpan.FromSeconds(1));
        _fake.FailNextRuns(1, "no documents");
        await _client.Executions.StartAsync(trigger.TriggerId);
        _time.Advance(TimeSpan.FromSeconds(1));

        var history = await _client.Executions.ListAsync(trigger.TriggerId).ToListAsync();
        history.Select(e => e.Status).Should().Equal("FAILED", "COMPLETED");
        history[1].TaskId.Should().Be(task.TaskId);
        history[0].Error.Should().Be("no documents");
        var after = await _client.Triggers.GetAsync(trigger.TriggerId);
        after.ExecutionCount.Should().Be(2);
        after.ConsecutiveFailures.Should().Be(1);
        after.LastExecutionError.Should().Be("no documents");
    }

    [Fact]
    public async Task Update_changes_the_schedule_and_delete_removes()
    {
        var trigger = await CronAsync();
        var updated = await _client.Triggers.UpdateAsync(trigger.TriggerId, new UpdateTriggerRequest { Schedule = new CronSchedule("0 6 * * 1", "UTC") });
        updated.Schedule.Should().BeOfType<CronSchedule>().Which.CronExpression.Should().Be("0 6 * * 1");
        await _client.Triggers.DeleteAsync(trigger.TriggerId);
        var get = () => _client.Triggers.GetAsync(trigger.TriggerId);
        (await get.Should().ThrowAsync<NotFoundException>()).Which.ErrorCode.Should().Be("NotFoundError");
        _fake.TriggerCount.Should().Be(0);
    }

    [Fact]
    public async Task List_filters_sorts_and_pages_by_offset()
    {
        var a = await CronAsync("clu_a");
        _time.Advance(TimeSpan.FromSeconds(1));
        var b = await CronAsync("clu_b");
        _time.Advance(TimeSpan.FromSeconds(1));
        var c = await _client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clu_c"), new IntervalSchedule(TimeSpan.FromMinutes(5))));
        await _client.Triggers.PauseAsync(b.TriggerId);

        (await _client.Triggers.ListAsync(new TriggerListOptions { PageSize = 2 }).ToListAsync()).Select(t => t.TriggerId).Should().Equal(c.TriggerId, b.TriggerId, a.TriggerId);
        (await _client.Triggers.ListAsync(new TriggerListOptions { Status = TriggerStatus.Paused }).ToListAsync()).Select(t => t.TriggerId).Should().Equal(b.TriggerId);
        (await _client.Triggers.ListAsync(new TriggerListOptions { TriggerType = "interval" }).ToListAsync()).Select(t => t.TriggerId).Should().Equal(c.TriggerId);
        (await _client.Triggers.ListAsync(new TriggerListOptions { ResourceId = "clu_a" }).ToListAsync()).Select(t => t.TriggerId).Should().Equal(a.TriggerId);
        c.NextScheduledAt.Should().Be(_time.GetUtcNow().AddMinutes(5));
    }

    [Theory]
    [InlineData("""{"action_type":"explode","action_config":{},"trigger_type":"cron","schedule_config":{"cron_expression":"* * * * *"}}""", "action_type")]
    [InlineData("""{"action_type":"cluster","action_config":{},"trigger_type":"cron","schedule_config":{"cron_expression":"* * * * *"}}""", "cluster_id")]
    [InlineData("""{"action_type":"cluster","action_config":{"cluster_id":"c"},"trigger_type":"cron","schedule_config":{"cron_expression":"61 * * * *"}}""", "cron_expression")]
    [InlineData("""{"action_type":"cluster","action_config":{"cluster_id":"c"},"trigger_type":"cron","schedule_config":{"cron_expression":"@daily"}}""", "cron_expression")]
    [InlineData("""{"action_type":"cluster","action_config":{"cluster_id":"c"},"trigger_type":"cron","schedule_config":{"cron_expression":"* * * * *","timezone":"W. Europe Standard Time"}}""", "timezone")]
    [InlineData("""{"action_type":"cluster","action_config":{"cluster_id":"c"},"trigger_type":"interval","schedule_config":{"interval_seconds":30}}""", "interval_seconds")]
    [InlineData("""{"action_type":"cluster","action_config":{"cluster_id":"c"},"trigger_type":"sometimes","schedule_config":{}}""", "trigger_type")]
    [InlineData("""{"action_type":"cluster","action_config":{"cluster_id":"c"},"trigger_type":"event"}""", "schedule_config")]
    public async Task Invalid_bodies_are_fastapi_422_with_the_location(string body, string field)
    {
        var (status, text) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Post, "v1/triggers", body,
            ("Authorization", "Bearer " + _fake.ApiKey), ("X-Namespace", _fake.NamespaceId));
        status.Should().Be(422);
        text.Should().StartWith("{\"detail\":[{\"loc\":[\"body\"").And.Contain($"\"{field}\"");
        _fake.TriggerCount.Should().Be(0);
    }

    [Theory]
    [InlineData("""{"limit":0}""")]
    [InlineData("""{"limit":1001}""")]
    [InlineData("""{"offset":-1}""")]
    [InlineData("""{"direction":"sideways"}""")]
    public async Task Invalid_list_bodies_are_422(string body)
    {
        var (status, _) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Post, "v1/triggers/list", body,
            ("Authorization", "Bearer " + _fake.ApiKey), ("X-Namespace", _fake.NamespaceId));
        status.Should().Be(422);
    }

    [Fact]
    public async Task Namespace_missing_is_400_unknown_is_404_and_a_bad_key_401()
    {
        var (missing, body) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Get, "v1/triggers/trg_x", null, ("Authorization", "Bearer " + _fake.ApiKey));
        missing.Should().Be(400);
        body.Should().Contain("\"type\":\"BadRequestError\"");

        var other = () => _client.Triggers.GetAsync("trg_x", new MixpeekRequestOptions { Namespace = "ns_other" });
        (await other.Should().ThrowAsync<NotFoundException>()).Which.ServiceMessage.Should().Be("Namespace 'ns_other' not found.");

        var options = _fake.CreateClientOptions();
        options.ApiKey = "sk_wrong";
        using var client = new MixpeekClient(options);
        var call = () => client.Triggers.GetAsync("trg_x");
        (await call.Should().ThrowAsync<UnauthorizedException>()).Which.ErrorCode.Should().Be("UnauthorizedError");
    }

    // A client on the test's clock, so its polling waits are the fake's time too.
    private MixpeekClient ClientOnTheFakeClock()
    {
        var options = _fake.CreateClientOptions();
        options.TimeProvider = _time;
        return new MixpeekClient(options);
    }

    // Drives the clock while a wait is pending: each poll's delay ends when the fake time passes it.
    private async Task<T> AdvanceUntilDone<T>(Task<T> wait)
    {
        for (var i = 0; i < 2000 && !wait.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        return await wait.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_started_run_is_followed_through_its_task_to_completed()
    {
        using var client = ClientOnTheFakeClock();
        var trigger = await CronAsync();
        var run = await client.Executions.StartAsync(trigger.TriggerId);
        run.Status.Should().Be(RunStatus.Queued);
        run.RawStatus.Should().Be("PENDING");

        _time.Advance(TimeSpan.FromMilliseconds(500));
        (await run.UpdateStatusAsync()).Should().Be(RunStatus.Running);
        run.RawStatus.Should().Be("PROCESSING");

        await AdvanceUntilDone(run.WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(1) }));
        run.Status.Should().Be(RunStatus.Succeeded);
        run.Value.TaskId.Should().Be(run.Id);
        run.Value.TaskType.Should().Be("engine_cluster_build", "the document's TaskType of a cluster action's work");
        run.Value.Error.Should().BeNull();
        var history = await client.Executions.ListAsync(trigger.TriggerId).ToListAsync();
        history.Should().ContainSingle().Which.Status.Should().Be("COMPLETED", "the task and the history are the same timeline");
        _fake.Requests.Should().Contain(r => r.OperationId == "getTask" && r.Path == "/v1/tasks/" + run.Id);
    }

    [Fact]
    public async Task A_failed_task_ends_the_wait_with_its_error()
    {
        using var client = ClientOnTheFakeClock();
        var trigger = await CronAsync();
        _fake.FailNextRuns(1, "no documents");
        var run = await client.Executions.StartAsync(trigger.TriggerId);

        var wait = () => AdvanceUntilDone(run.WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromMilliseconds(200) }));
        await wait.Should().ThrowAsync<RunFailedException>();
        run.RawStatus.Should().Be("FAILED");
        run.ErrorMessage.Should().Be("no documents");
        (await client.Executions.GetAsync(run.Id)).Error.Should().Be("no documents");
    }

    [Fact]
    public async Task Cancelling_an_unfinished_run_kills_its_task_for_good_and_the_history_shows_it()
    {
        using var client = ClientOnTheFakeClock();
        var trigger = await CronAsync();
        var run = await client.Executions.StartAsync(trigger.TriggerId);
        _time.Advance(TimeSpan.FromMilliseconds(600));
        run.CanCancel.Should().BeTrue();

        await run.CancelAsync();
        run.Status.Should().Be(RunStatus.Cancelled);
        run.RawStatus.Should().Be("CANCELED");

        _time.Advance(TimeSpan.FromMinutes(1));
        (await client.Executions.GetAsync(run.Id)).Status.Should().Be(MixpeekTaskStatus.Canceled, "a killed task does not complete later");
        var execution = (await client.Executions.ListAsync(trigger.TriggerId).ToListAsync()).Should().ContainSingle().Which;
        execution.Status.Should().Be("CANCELED");
        execution.ExecutionTimeMs.Should().Be(600);
        (await client.Triggers.GetAsync(trigger.TriggerId)).LastExecutionStatus.Should().Be("CANCELED");
    }

    [Fact]
    public async Task Cancelling_a_finished_task_answers_success_and_changes_nothing()
    {
        var trigger = await CronAsync();
        var run = await _client.Executions.StartAsync(trigger.TriggerId);
        _time.Advance(TimeSpan.FromSeconds(1));

        var (status, body) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Delete, "v1/tasks/" + run.Id, null,
            ("Authorization", "Bearer " + _fake.ApiKey), ("X-Namespace", _fake.NamespaceId));
        status.Should().Be(200);
        body.Should().Contain("\"success\":true").And.Contain("\"message\":");
        await _client.Executions.CancelAsync(run.Id);
        (await _client.Executions.GetAsync(run.Id)).Status.Should().Be(MixpeekTaskStatus.Completed);
    }

    [Fact]
    public async Task An_unknown_task_is_404_and_tasks_keep_the_namespace_rules()
    {
        var get = () => _client.Executions.GetAsync("task_nope");
        var error = (await get.Should().ThrowAsync<NotFoundException>()).Which;
        error.ErrorCode.Should().Be("NotFoundError");
        error.ServiceMessage.Should().Be("Task 'task_nope' not found.");
        var cancel = () => _client.Executions.CancelAsync("task_nope");
        await cancel.Should().ThrowAsync<NotFoundException>();

        var trigger = await CronAsync();
        var run = await _client.Executions.StartAsync(trigger.TriggerId);
        var (missing, _) = await FakeHttp.SendAsync(_fake.BaseAddress, HttpMethod.Get, "v1/tasks/" + run.Id, null, ("Authorization", "Bearer " + _fake.ApiKey));
        missing.Should().Be(400);
        var other = () => _client.Executions.GetAsync(run.Id, new MixpeekRequestOptions { Namespace = "ns_other" });
        await other.Should().ThrowAsync<NotFoundException>();
        (await _client.Executions.GetAsync(run.Id, new MixpeekRequestOptions { Namespace = "fake-namespace" })).TaskId.Should().Be(run.Id, "the namespace's name works as its id");
    }
}
