using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>The changes to a trigger: only the properties you set are sent (PATCH); the rest keep their values.</summary>
public sealed class UpdateTriggerRequest
{
    /// <summary>The new schedule config (<c>schedule_config</c>). The service keeps the trigger's schedule type, so
    /// give a schedule of the same type (e.g. a new <see cref="CronSchedule"/> for a cron trigger).</summary>
    /// <value>The default value is <see langword="null"/>: unchanged.</value>
    [JsonIgnore]
    public TriggerSchedule? Schedule { get; set; }

    /// <summary>The new description (<c>description</c>); an empty string clears it.</summary>
    /// <value>The default value is <see langword="null"/>: unchanged.</value>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The new status (<c>status</c>); <c>PauseAsync</c>/<c>ResumeAsync</c> are the usual way.</summary>
    /// <value>The default value is <see langword="null"/>: unchanged.</value>
    [JsonPropertyName("status")]
    public TriggerStatus? Status { get; set; }

    /// <summary>True when nothing is set, which the client refuses rather than sending an empty PATCH.</summary>
    [JsonIgnore]
    public bool IsEmpty => Schedule is null && Description is null && Status is null;

    [JsonInclude]
    [JsonPropertyName("schedule_config")]
    internal JsonObject? ScheduleConfig => Schedule?.ToConfig();
}
