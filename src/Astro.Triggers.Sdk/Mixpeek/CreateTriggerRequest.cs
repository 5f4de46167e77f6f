using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>A trigger to create: what runs, when, and optionally a description and the initial status.</summary>
/// <remarks>Serialized as <c>{action_type, action_config, trigger_type, schedule_config, description?, status?}</c>.</remarks>
public sealed class CreateTriggerRequest
{
    /// <summary>Creates the request.</summary>
    /// <param name="action">What the trigger runs.</param>
    /// <param name="schedule">When it fires.</param>
    public CreateTriggerRequest(TriggerAction action, TriggerSchedule schedule)
    {
        Action = action;
        Schedule = schedule;
    }

    /// <summary>What the trigger runs.</summary>
    [JsonIgnore]
    public TriggerAction Action { get; set; }

    /// <summary>When the trigger fires.</summary>
    [JsonIgnore]
    public TriggerSchedule Schedule { get; set; }

    /// <summary>A human-readable description (<c>description</c>).</summary>
    /// <value>The default value is <see langword="null"/>: not sent.</value>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The initial status (<c>status</c>): active or paused.</summary>
    /// <value>The default value is <see langword="null"/>: not sent, the service starts it active.</value>
    [JsonPropertyName("status")]
    public TriggerStatus? Status { get; set; }

    [JsonInclude]
    [JsonPropertyName("action_type")]
    internal string ActionType => Action.ActionType;

    [JsonInclude]
    [JsonPropertyName("action_config")]
    internal JsonObject ActionConfig => Action.ToConfig();

    [JsonInclude]
    [JsonPropertyName("trigger_type")]
    internal string TriggerType => Schedule.TriggerType;

    [JsonInclude]
    [JsonPropertyName("schedule_config")]
    internal JsonObject ScheduleConfig => Schedule.ToConfig();
}
