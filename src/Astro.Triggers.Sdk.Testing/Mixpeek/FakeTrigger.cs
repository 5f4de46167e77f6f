using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Testing.Core;
using Cronos;

namespace Astro.Triggers.Sdk.Testing.Mixpeek;

/// <summary>One execution of a trigger and the task doing it (read at <c>GET /v1/tasks/{task_id}</c> and in the history).</summary>
internal sealed record FakeExecution(string TaskId, string TriggerId, string ActionType, DateTimeOffset TriggeredAt, FakeTimeline Timeline, string? FailureText)
{
    /// <summary>The statuses after which a task does not change (Mixpeek: "terminal statuses").</summary>
    public static bool IsFinal(string status) => status is "COMPLETED" or "FAILED" or "CANCELED";

    /// <summary>The task as <c>getTask</c> answers it; the same task the execute answered, on the fake's clock.</summary>
    public JsonObject ToTaskJson(DateTimeOffset now)
    {
        var status = Timeline.StatusAt(now);
        return new JsonObject
        {
            ["task_id"] = TaskId,
            ["task_type"] = TaskType(ActionType),
            ["status"] = status,
            ["inputs"] = new JsonArray(TriggerId),
            ["outputs"] = null,
            ["additional_data"] = new JsonObject { ["trigger_id"] = TriggerId, ["action_type"] = ActionType },
            ["error"] = status == "FAILED" ? FailureText : null,
        };
    }

    /// <summary>The document's <c>TaskType</c> of the work an action starts (the enum has no "trigger_execution"):
    /// a cluster build, a taxonomy execution, a batch's processing; a collection trigger runs its feature extractors,
    /// and a type new to the fake is a custom plugin.</summary>
    public static string TaskType(string actionType) => actionType switch
    {
        "cluster" => "engine_cluster_build",
        "taxonomy_enrichment" => "api_taxonomies_execute",
        "batch_rerun" => "api_buckets_batches_process",
        "collection_trigger" or "collection" => "engine_feature_extractor_run",
        _ => "plugin_custom",
    };

    /// <summary>The execution as the trigger's history lists it.</summary>
    public JsonObject ToJson(DateTimeOffset now, bool naive)
    {
        var status = Timeline.StatusAt(now);
        var done = IsFinal(status);
        return new JsonObject
        {
            ["task_id"] = TaskId,
            ["triggered_at"] = FakeTrigger.Timestamp(TriggeredAt, naive),
            ["status"] = status,
            ["execution_time_ms"] = done ? (long)(Timeline.ReachedAt(status, now)!.Value - TriggeredAt).TotalMilliseconds : null,
            ["error"] = status == "FAILED" ? FailureText : null,
        };
    }
}

/// <summary>One trigger the fake holds: its config as sent, its status and executions.</summary>
internal sealed class FakeTrigger
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required string NamespaceId { get; init; }

    public required string ActionType { get; init; }

    public required JsonObject ActionConfig { get; init; }

    public required string TriggerType { get; init; }

    public required JsonObject ScheduleConfig { get; set; }

    public required string Status { get; set; }

    public string? Description { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public List<FakeExecution> Executions { get; } = [];

    /// <summary>A timestamp as the document says (<c>format: date-time</c>: UTC with its "Z"), or, with
    /// <see cref="MixpeekFakeOptions.NaiveTimestamps"/>, the naive form FastAPI can send (no offset; openapi/README.md,
    /// Mixpeek assumption 7), for testing a client's tolerance.</summary>
    public static string Timestamp(DateTimeOffset value, bool naive) =>
        value.UtcDateTime.ToString(naive ? "yyyy-MM-dd'T'HH:mm:ss.ffffff" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public string? ResourceId =>
        (ActionConfig["cluster_id"] ?? ActionConfig["taxonomy_id"] ?? ActionConfig["batch_id"] ?? ActionConfig["collection_id"])?.ToString();

    public DateTimeOffset? NextScheduledAt(DateTimeOffset now)
    {
        if (Status != "active")
        {
            return null;
        }

        switch (TriggerType)
        {
            case "cron":
                var zone = ScheduleConfig["timezone"]?.GetValue<string>() is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
                return CronExpression.Parse(ScheduleConfig["cron_expression"]!.GetValue<string>(), CronFormat.Standard).GetNextOccurrence(now, zone);
            case "interval":
                var interval = TimeSpan.FromSeconds(ScheduleConfig["interval_seconds"]!.GetValue<long>());
                var first = ScheduleConfig["start_immediately"]?.GetValue<bool>() == true ? CreatedAt : CreatedAt + interval;
                if (first > now)
                {
                    return first;
                }

                var elapsed = Math.Floor((now - first) / interval) + 1;
                return first + (interval * elapsed);
            default:
                return null;
        }
    }

    public JsonObject ToJson(DateTimeOffset now, bool naive)
    {
        var last = Executions.Count > 0 ? Executions[^1] : null;
        var lastStatus = last?.Timeline.StatusAt(now);
        var failures = 0;
        for (var i = Executions.Count - 1; i >= 0 && Executions[i].Timeline.StatusAt(now) == "FAILED"; i--)
        {
            failures++;
        }

        return new JsonObject
        {
            ["trigger_id"] = Id,
            ["namespace_id"] = NamespaceId,
            ["internal_id"] = "org_fake",
            ["action_type"] = ActionType,
            ["action_config"] = FakeJson.Copy(ActionConfig),
            ["trigger_type"] = TriggerType,
            ["schedule_config"] = FakeJson.Copy(ScheduleConfig),
            ["status"] = Status,
            ["last_triggered_at"] = last is null ? null : Timestamp(last.TriggeredAt, naive),
            ["last_execution_task_id"] = last?.TaskId,
            ["next_scheduled_at"] = NextScheduledAt(now) is { } next ? Timestamp(next, naive) : null,
            ["execution_count"] = Executions.Count,
            ["consecutive_failures"] = failures,
            ["last_execution_status"] = lastStatus,
            ["last_execution_error"] = lastStatus == "FAILED" ? last!.FailureText : null,
            ["event_counter"] = 0,
            ["last_cooldown_at"] = null,
            ["baseline_snapshot"] = null,
            ["last_drift_measurement"] = null,
            ["last_condition_check_at"] = null,
            ["description"] = Description,
            ["created_at"] = Timestamp(CreatedAt, naive),
            ["updated_at"] = Timestamp(UpdatedAt, naive),
            ["created_by"] = "fake-user",
        };
    }
}
