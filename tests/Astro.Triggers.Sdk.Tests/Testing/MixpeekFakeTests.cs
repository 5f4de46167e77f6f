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
        _fake.FailNextExecutions(1, "no documents");
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
}
