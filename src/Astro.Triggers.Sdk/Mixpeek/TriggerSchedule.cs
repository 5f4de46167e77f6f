using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>When a trigger fires: the wire's <c>trigger_type</c> with its <c>schedule_config</c>, typed. Use
/// <see cref="CronSchedule"/>, <see cref="IntervalSchedule"/>, <see cref="EventSchedule"/>,
/// <see cref="ConditionalSchedule"/>, or <see cref="CustomTriggerSchedule"/> for a type this SDK does not know yet.
/// A schedule read from the service whose type is unknown (or whose config does not fit its type) comes back as a
/// <see cref="CustomTriggerSchedule"/> with the config untouched.</summary>
public abstract class TriggerSchedule
{
    private protected TriggerSchedule(string triggerType)
    {
        TriggerType = triggerType;
    }

    /// <summary>The wire name of the schedule type, e.g. "cron".</summary>
    public string TriggerType { get; }

    /// <summary>Config fields the typed properties do not cover. They are sent as they are (a typed property of
    /// the same name wins) and filled with the unknown fields of a config read from the service.</summary>
    public JsonObject AdditionalProperties { get; } = [];

    /// <summary>The <c>schedule_config</c> object as it is sent.</summary>
    /// <returns>A new JSON object (snake_case names).</returns>
    public JsonObject ToConfig() => ConfigFields.Compose(WriteFields, AdditionalProperties);

    /// <summary>Reads a wire schedule; never throws: what does not fit a known type is kept as a custom schedule.</summary>
    internal static TriggerSchedule FromWire(string? triggerType, JsonObject? config) =>
        ConfigFields.Read<TriggerSchedule>(
            config,
            fields => triggerType switch
            {
                CronSchedule.TypeName => CronSchedule.Read(fields),
                IntervalSchedule.TypeName => IntervalSchedule.Read(fields),
                EventSchedule.TypeName => EventSchedule.Read(fields),
                ConditionalSchedule.TypeName => ConditionalSchedule.Read(fields),
                _ => new CustomTriggerSchedule(triggerType ?? string.Empty, null, validateType: false),
            },
            schedule => schedule.AdditionalProperties,
            () => new CustomTriggerSchedule(triggerType ?? string.Empty, config, validateType: false));

    /// <summary>Checks the values before a request is sent.</summary>
    /// <param name="path">The argument path for messages, e.g. "trigger.Schedule".</param>
    /// <param name="options">The client's rules (the shortest interval).</param>
    internal virtual void Validate(string path, MixpeekClientOptions options)
    {
    }

    private protected abstract void WriteFields(JsonObject config);

    private protected static int WholeSeconds(TimeSpan value, TimeSpan minimum, string path)
    {
        if (value < minimum || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(path, value, $"'{path}' must be a whole number of seconds, at least {HumanDuration.Format(minimum)}.");
        }

        return checked((int)value.TotalSeconds);
    }

    private protected static TimeSpan WholeSecondsValue(TimeSpan value, TimeSpan minimum, string path)
    {
        WholeSeconds(value, minimum, path);
        return value;
    }

    private protected static int PreviewCount(int count) => Guard.InRange(count, 1, 10_000, nameof(count));
}
