using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>A Mixpeek trigger: what runs (<see cref="Action"/>), when (<see cref="Schedule"/>) and its state.
/// Timestamps are UTC (a timestamp the service sends without an offset is read as UTC).</summary>
/// <remarks>Written by hand rather than generated (openapi/mixpeek.yaml marks it <c>x-astro-handwritten</c>): the
/// type of each config is given by a sibling field, which a generated model cannot express.</remarks>
public class Trigger
{
    // [JsonRequired] on the fields the document requires and that cannot hold null: a trigger without them fails
    // naming the field instead of reading as an empty id or year 1. Optional values read leniently: a timestamp that
    // does not parse reads as null, a count (integer without a format: 64-bit, issue 25) as its document default 0,
    // with a Warning either way.
    private readonly ConfigSlot<TriggerAction> _action = ConfigSlot<TriggerAction>.ForAction();
    private readonly ConfigSlot<TriggerSchedule> _schedule = ConfigSlot<TriggerSchedule>.ForSchedule();

    /// <summary>The trigger's id (<c>trigger_id</c>).</summary>
    [JsonRequired]
    [JsonPropertyName("trigger_id")]
    public string TriggerId { get; init; } = string.Empty;

    /// <summary>The namespace the trigger belongs to (<c>namespace_id</c>).</summary>
    [JsonRequired]
    [JsonPropertyName("namespace_id")]
    public string NamespaceId { get; init; } = string.Empty;

    /// <summary>The organisation's internal id (<c>internal_id</c>).</summary>
    [JsonPropertyName("internal_id")]
    public string? InternalId { get; init; }

    /// <summary>What the trigger runs; a <see cref="CustomTriggerAction"/> when the type is new to this SDK.</summary>
    [JsonIgnore]
    public TriggerAction Action
    {
        get => _action.Typed;
        init => _action.Typed = value;
    }

    /// <summary>When the trigger fires; a <see cref="CustomTriggerSchedule"/> when the type is new to this SDK.</summary>
    [JsonIgnore]
    public TriggerSchedule Schedule
    {
        get => _schedule.Typed;
        init => _schedule.Typed = value;
    }

    /// <summary>The trigger's state (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public TriggerStatus Status { get; init; } = TriggerStatus.Active;

    /// <summary>When the trigger last fired (<c>last_triggered_at</c>).</summary>
    [JsonPropertyName("last_triggered_at")]
    public DateTimeOffset? LastTriggeredAt { get; init; }

    /// <summary>The task of the last execution (<c>last_execution_task_id</c>).</summary>
    [JsonPropertyName("last_execution_task_id")]
    public string? LastExecutionTaskId { get; init; }

    /// <summary>When the trigger fires next, if it is scheduled (<c>next_scheduled_at</c>).</summary>
    [JsonPropertyName("next_scheduled_at")]
    public DateTimeOffset? NextScheduledAt { get; init; }

    /// <summary>Successful executions so far (<c>execution_count</c>).</summary>
    [JsonPropertyName("execution_count")]
    public long ExecutionCount { get; init; }

    /// <summary>Failed executions since the last success (<c>consecutive_failures</c>).</summary>
    [JsonPropertyName("consecutive_failures")]
    public long ConsecutiveFailures { get; init; }

    /// <summary>The status of the last execution as the service spells it (<c>last_execution_status</c>).</summary>
    [JsonPropertyName("last_execution_status")]
    public string? LastExecutionStatus { get; init; }

    /// <summary>The error of the last execution, if it failed (<c>last_execution_error</c>).</summary>
    [JsonPropertyName("last_execution_error")]
    public string? LastExecutionError { get; init; }

    /// <summary>Events counted since the last firing of an event trigger (<c>event_counter</c>).</summary>
    [JsonPropertyName("event_counter")]
    public long EventCounter { get; init; }

    /// <summary>When a cooldown last started (<c>last_cooldown_at</c>).</summary>
    [JsonPropertyName("last_cooldown_at")]
    public DateTimeOffset? LastCooldownAt { get; init; }

    /// <summary>The baseline a conditional trigger measures drift against, taken after its last success
    /// (<c>baseline_snapshot</c>).</summary>
    [JsonPropertyName("baseline_snapshot")]
    public JsonObject? BaselineSnapshot { get; init; }

    /// <summary>The most recent drift measurement of a conditional trigger (<c>last_drift_measurement</c>).</summary>
    [JsonPropertyName("last_drift_measurement")]
    public JsonObject? LastDriftMeasurement { get; init; }

    /// <summary>When a conditional trigger's condition was last evaluated (<c>last_condition_check_at</c>).</summary>
    [JsonPropertyName("last_condition_check_at")]
    public DateTimeOffset? LastConditionCheckAt { get; init; }

    /// <summary>The human-readable description (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>When the trigger was created (<c>created_at</c>).</summary>
    [JsonRequired]
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the trigger was last changed (<c>updated_at</c>).</summary>
    [JsonRequired]
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The user who created the trigger (<c>created_by</c>).</summary>
    [JsonPropertyName("created_by")]
    public string? CreatedBy { get; init; }

    [JsonInclude]
    [JsonPropertyName("action_type")]
    internal string? ActionType
    {
        get => _action.Type;
        set => _action.Type = value;
    }

    [JsonInclude]
    [JsonPropertyName("action_config")]
    internal JsonObject? ActionConfig
    {
        get => _action.Config;
        set => _action.Config = value;
    }

    [JsonInclude]
    [JsonPropertyName("trigger_type")]
    internal string? TriggerType
    {
        get => _schedule.Type;
        set => _schedule.Type = value;
    }

    [JsonInclude]
    [JsonPropertyName("schedule_config")]
    internal JsonObject? ScheduleConfig
    {
        get => _schedule.Config;
        set => _schedule.Config = value;
    }

    /// <summary>The id, types and status, for logs.</summary>
    /// <returns>E.g. <c>Trigger trg_1 (cluster, cron, active)</c>.</returns>
    public override string ToString() => $"Trigger {TriggerId} ({Action.ActionType}, {Schedule.TriggerType}, {Status})";
}
