using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>Every trigger operation through a real MixpeekClient: the request the server saw and the model read back.</summary>
public sealed class TriggersClientTests : MixpeekClientTestBase
{
    [Fact]
    public async Task Create_posts_the_seed_example_with_bearer_and_namespace_and_reads_every_field()
    {
        Respond("POST", "/v1/triggers", 201, """
            {
              "trigger_id": "trg_1", "namespace_id": "ns_prod", "internal_id": "org_9",
              "action_type": "cluster", "action_config": { "cluster_id": "clust_abc123" },
              "trigger_type": "cron", "schedule_config": { "cron_expression": "0 2 * * *", "timezone": "UTC" },
              "status": "active",
              "last_triggered_at": "2026-11-22T02:00:00", "last_execution_task_id": "task_9",
              "next_scheduled_at": "2026-11-23T02:00:00+00:00",
              "execution_count": 12, "consecutive_failures": 1,
              "last_execution_status": "FAILED", "last_execution_error": "cluster not found",
              "event_counter": 3, "last_cooldown_at": null,
              "baseline_snapshot": { "centroid_count": 5 }, "last_drift_measurement": { "drift": 0.12 },
              "last_condition_check_at": "2026-11-22T03:00:00+02:00",
              "description": "Daily clustering at 2am",
              "created_at": "2026-11-20T08:00:00", "updated_at": "2026-11-22T08:00:00Z", "created_by": "user_7"
            }
            """);
        using var client = CreateClient();

        var trigger = await client.Triggers.CreateAsync(
            new CreateTriggerRequest(new ClusterAction("clust_abc123"), new CronSchedule("0 2 * * *", "UTC"))
            {
                Description = "Daily clustering at 2am",
            });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/triggers");
        request.Headers!["Authorization"].Should().Equal($"Bearer {Secret}");
        request.Headers["X-Namespace"].Should().Equal("ns_prod");
        JsonAssert.Same(request.Body, """
            {"action_type":"cluster","action_config":{"cluster_id":"clust_abc123"},"trigger_type":"cron",
             "schedule_config":{"cron_expression":"0 2 * * *","timezone":"UTC"},"description":"Daily clustering at 2am"}
            """);

        trigger.TriggerId.Should().Be("trg_1");
        trigger.NamespaceId.Should().Be("ns_prod");
        trigger.InternalId.Should().Be("org_9");
        trigger.Action.Should().BeOfType<ClusterAction>().Which.ClusterId.Should().Be("clust_abc123");
        var cron = trigger.Schedule.Should().BeOfType<CronSchedule>().Subject;
        cron.CronExpression.Should().Be("0 2 * * *");
        cron.TimeZone.Should().Be("UTC");
        trigger.Status.Should().Be(TriggerStatus.Active);
        trigger.LastTriggeredAt.Should().Be(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        trigger.LastTriggeredAt!.Value.Offset.Should().Be(TimeSpan.Zero, "a naive timestamp is UTC, not local time");
        trigger.NextScheduledAt.Should().Be(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        trigger.LastConditionCheckAt.Should().Be(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));
        trigger.LastConditionCheckAt!.Value.Offset.Should().Be(TimeSpan.Zero, "offsets are normalised to UTC");
        trigger.LastExecutionTaskId.Should().Be("task_9");
        trigger.ExecutionCount.Should().Be(12);
        trigger.ConsecutiveFailures.Should().Be(1);
        trigger.LastExecutionStatus.Should().Be("FAILED");
        trigger.LastExecutionError.Should().Be("cluster not found");
        trigger.EventCounter.Should().Be(3);
        trigger.LastCooldownAt.Should().BeNull();
        trigger.BaselineSnapshot!["centroid_count"]!.GetValue<int>().Should().Be(5);
        trigger.LastDriftMeasurement!["drift"]!.GetValue<double>().Should().Be(0.12);
        trigger.Description.Should().Be("Daily clustering at 2am");
        trigger.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        trigger.UpdatedAt.Should().Be(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        trigger.CreatedBy.Should().Be("user_7");
        trigger.ToString().Should().Be("Trigger trg_1 (cluster, cron, Active)");
    }

    [Fact]
    public async Task A_trigger_with_only_the_required_fields_reads_with_defaults_and_nulls()
    {
        Respond("GET", "/v1/triggers/trg_1", 200, MixpeekJson.Trigger());
        using var client = CreateClient();

        var trigger = await client.Triggers.GetAsync("trg_1");

        trigger.ExecutionCount.Should().Be(0);
        trigger.ConsecutiveFailures.Should().Be(0);
        trigger.EventCounter.Should().Be(0);
        trigger.LastTriggeredAt.Should().BeNull();
        trigger.NextScheduledAt.Should().BeNull();
        trigger.LastExecutionError.Should().BeNull();
        trigger.BaselineSnapshot.Should().BeNull();
        trigger.CreatedBy.Should().BeNull();
        SingleRequest().Method.Should().Be("GET");
    }

    [Fact]
    public async Task Get_escapes_the_trigger_id_so_it_cannot_change_the_route()
    {
        Respond("GET", "/v1/triggers/*", 200, MixpeekJson.Trigger());
        using var client = CreateClient();

        await client.Triggers.GetAsync("trg/../x?y#z");

        // WireMock decodes Path; Url keeps the bytes that were on the wire.
        new Uri(SingleRequest().Url).AbsolutePath.Should().Be("/v1/triggers/trg%2F..%2Fx%3Fy%23z");
    }

    [Fact]
    public async Task Update_sends_only_the_fields_that_are_set_and_never_nulls()
    {
        Respond("PATCH", "/v1/triggers/trg_1", 200, MixpeekJson.Trigger(status: "paused"));
        using var client = CreateClient();

        await client.Triggers.UpdateAsync("trg_1", new UpdateTriggerRequest { Description = "Nightly" });
        await client.Triggers.UpdateAsync("trg_1", new UpdateTriggerRequest { Schedule = new CronSchedule("30 3 * * 1-5", "Europe/Berlin") });
        var paused = await client.Triggers.UpdateAsync("trg_1", new UpdateTriggerRequest { Status = TriggerStatus.Paused });

        var bodies = Server.LogEntries.Select(e => e.RequestMessage!.Body).ToList();
        Server.LogEntries.Should().AllSatisfy(e => e.RequestMessage!.Method.Should().Be("PATCH"));
        JsonAssert.Same(bodies[0], """{"description":"Nightly"}""");
        JsonAssert.Same(bodies[1], """{"schedule_config":{"cron_expression":"30 3 * * 1-5","timezone":"Europe/Berlin"}}""");
        JsonAssert.Same(bodies[2], """{"status":"paused"}""");
        paused.Status.Should().Be(TriggerStatus.Paused);
    }

    [Fact]
    public async Task An_update_that_sets_nothing_is_refused_before_sending()
    {
        using var client = CreateClient();

        var act = () => client.Triggers.UpdateAsync("trg_1", new UpdateTriggerRequest());

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("update");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_accepts_204_without_a_body()
    {
        Respond("DELETE", "/v1/triggers/trg_1", 204);
        using var client = CreateClient();

        await client.Triggers.DeleteAsync("trg_1");

        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Headers!["X-Namespace"].Should().Equal("ns_prod");
    }

    [Fact]
    public async Task Pause_and_resume_post_to_their_paths_and_return_the_trigger()
    {
        Respond("POST", "/v1/triggers/trg_1/pause", 200, MixpeekJson.Trigger(status: "paused"));
        Respond("POST", "/v1/triggers/trg_1/resume", 200, MixpeekJson.Trigger(status: "active"));
        using var client = CreateClient();

        (await client.Triggers.PauseAsync("trg_1")).Status.Should().Be(TriggerStatus.Paused);
        (await client.Triggers.ResumeAsync("trg_1")).Status.Should().Be(TriggerStatus.Active);

        Server.LogEntries.Select(e => e.RequestMessage!.Path).Should().Equal("/v1/triggers/trg_1/pause", "/v1/triggers/trg_1/resume");
    }

    [Fact]
    public async Task Execute_returns_the_task_with_its_json_inputs_and_outputs()
    {
        Respond("POST", "/v1/triggers/trg_1/execute", 200, """
            { "task_id": "task_abc", "task_type": "engine_cluster_build", "status": "PENDING",
              "inputs": ["clust_abc123", { "bucket_id": "bkt_1" }], "outputs": null,
              "additional_data": { "job_id": "j1" }, "error": null }
            """);
        using var client = CreateClient();

        var task = (await client.Executions.StartAsync("trg_1")).Value;

        task.TaskId.Should().Be("task_abc");
        task.TaskType.Should().Be("engine_cluster_build");
        task.Status.Should().Be(MixpeekTaskStatus.Pending);
        task.Inputs!.Select(i => i.ToString()).Should().Equal("clust_abc123", """{ "bucket_id": "bkt_1" }""");
        task.Outputs.Should().BeNull();
        task.AdditionalData!["job_id"]!.GetValue<string>().Should().Be("j1");
        task.Error.Should().BeNull();
        SingleRequest().Body.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task The_namespace_of_a_call_overrides_the_clients()
    {
        Respond("GET", "/v1/triggers/trg_1", 200, MixpeekJson.Trigger());
        using var client = CreateClient();

        await client.Triggers.GetAsync("trg_1", new MixpeekRequestOptions { Namespace = "staging-eu.1" });

        SingleRequest().Headers!["X-Namespace"].Should().Equal("staging-eu.1");
    }

    [Theory]
    [InlineData("ns_1\r\nX-Evil: 1")]
    [InlineData("my namespace")]
    [InlineData("")]
    [InlineData("ns/../other")]
    public async Task A_bad_namespace_is_refused_before_sending(string ns)
    {
        using var client = CreateClient();

        var act = () => client.Triggers.GetAsync("trg_1", new MixpeekRequestOptions { Namespace = ns });

        var error = (await act.Should().ThrowAsync<ArgumentException>()).Which;
        error.ParamName.Should().Be("options.Namespace");
        error.Message.Should().Contain("1 to 128 letters, digits");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_call_without_any_namespace_is_refused_before_sending()
    {
        using var client = CreateClient(o => o.Namespace = null);

        var noNamespace = () => client.Triggers.GetAsync("trg_1");

        (await noNamespace.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("MixpeekClientOptions.Namespace");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public void Options_refuse_a_bad_client_namespace_and_never_show_the_key()
    {
        var options = new MixpeekClientOptions { ApiKey = Secret, Namespace = "bad ns" };

        options.Validate().Should().ContainSingle().Which.Should().Contain("Namespace");
        new MixpeekClientOptions { ApiKey = Secret }.ToString().Should().NotContain(Secret).And.Contain("api.mixpeek.com");
    }

    [Fact]
    public async Task Unknown_fields_read_from_the_service_survive_an_update_of_the_schedule()
    {
        Respond("GET", "/v1/triggers/trg_1", 200, MixpeekJson.Trigger(
            schedule: """ "trigger_type": "interval", "schedule_config": { "interval_seconds": 3600, "jitter_seconds": 30 } """));
        Respond("PATCH", "/v1/triggers/trg_1", 200, MixpeekJson.Trigger());
        using var client = CreateClient();

        var trigger = await client.Triggers.GetAsync("trg_1");
        var interval = trigger.Schedule.Should().BeOfType<IntervalSchedule>().Subject;
        interval.AdditionalProperties["jitter_seconds"]!.GetValue<int>().Should().Be(30);
        var changed = new IntervalSchedule(TimeSpan.FromHours(2));
        foreach (var (name, value) in interval.AdditionalProperties)
        {
            changed.AdditionalProperties[name] = value?.DeepClone();
        }

        await client.Triggers.UpdateAsync("trg_1", new UpdateTriggerRequest { Schedule = changed });

        JsonAssert.Same(Server.LogEntries[1].RequestMessage!.Body, """{"schedule_config":{"interval_seconds":7200,"jitter_seconds":30}}""");
    }

    [Fact]
    public async Task A_type_the_sdk_does_not_know_or_a_config_that_does_not_fit_is_kept_as_custom()
    {
        Respond("GET", "/v1/triggers/trg_new", 200, MixpeekJson.Trigger(
            id: "trg_new",
            action: """ "action_type": "webhook_call", "action_config": { "url": "https://example.com/hook" } """,
            schedule: """ "trigger_type": "cron", "schedule_config": { "cron_expression": 5 } """));
        using var client = CreateClient();

        var trigger = await client.Triggers.GetAsync("trg_new");

        var action = trigger.Action.Should().BeOfType<CustomTriggerAction>().Subject;
        action.ActionType.Should().Be("webhook_call");
        action.ToConfig().ToJsonString().Should().Be("""{"url":"https://example.com/hook"}""");
        var schedule = trigger.Schedule.Should().BeOfType<CustomTriggerSchedule>().Subject;
        schedule.TriggerType.Should().Be("cron");
        schedule.ToConfig().ToJsonString().Should().Be("""{"cron_expression":5}""");
    }

    [Fact]
    public async Task A_custom_action_is_sent_exactly_as_given()
    {
        Respond("POST", "/v1/triggers", 201, MixpeekJson.Trigger());
        using var client = CreateClient();

        await client.Triggers.CreateAsync(new CreateTriggerRequest(
            new CustomTriggerAction("webhook_call", new JsonObject { ["url"] = "https://example.com/hook", ["retries"] = 3 }),
            new CustomTriggerSchedule("on_upload", new JsonObject { ["bucket_id"] = "bkt_1" }))
        {
            Status = TriggerStatus.Paused,
        });

        JsonAssert.Same(SingleRequest().Body, """
            {"action_type":"webhook_call","action_config":{"url":"https://example.com/hook","retries":3},
             "trigger_type":"on_upload","schedule_config":{"bucket_id":"bkt_1"},"status":"paused"}
            """);
    }
}
