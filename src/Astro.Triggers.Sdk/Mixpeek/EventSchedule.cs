using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Fires when an event has happened a number of times (<c>trigger_type: event</c>), e.g. after 100
/// documents were added, then waits out a cooldown.</summary>
/// <remarks>The field names are our assumption (openapi/README.md); the seed describes the kind but not its fields.
/// Send other fields through <see cref="TriggerSchedule.AdditionalProperties"/>.</remarks>
public sealed class EventSchedule : TriggerSchedule
{
    internal const string TypeName = "event";

    private TimeSpan? _cooldown;

    /// <summary>Creates the schedule.</summary>
    /// <param name="eventType">The event to count (<c>event_type</c>), e.g. "documents_added".</param>
    /// <param name="threshold">How many events fire the trigger (<c>event_threshold</c>), at least 1.</param>
    /// <exception cref="ArgumentException">The event type is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is below 1.</exception>
    public EventSchedule(string eventType, int threshold)
        : base(TypeName)
    {
        EventType = Guard.NotNullOrWhiteSpace(eventType);
        Threshold = Guard.AtLeast(threshold, 1);
    }

    /// <summary>The event to count (<c>event_type</c>).</summary>
    public string EventType { get; }

    /// <summary>How many events fire the trigger (<c>event_threshold</c>).</summary>
    public int Threshold { get; }

    /// <summary>The quiet time after a firing (<c>cooldown_seconds</c>); whole seconds, zero or more.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or has a fraction of a second.</exception>
    public TimeSpan? Cooldown
    {
        get => _cooldown;
        set => _cooldown = value is { } cooldown ? WholeSecondsValue(cooldown, TimeSpan.Zero, nameof(Cooldown)) : null;
    }

    internal static EventSchedule Read(ConfigFields fields) =>
        new(fields.RequiredString("event_type"), fields.Int("event_threshold") ?? throw new FormatException("'event_threshold' is missing."))
        {
            Cooldown = fields.Seconds("cooldown_seconds"),
        };

    internal override void Validate(string path, MixpeekClientOptions options)
    {
        Guard.InRange(Threshold, 1, int.MaxValue, $"{path}.{nameof(Threshold)}");
        if (Cooldown is { } cooldown)
        {
            WholeSeconds(cooldown, TimeSpan.Zero, $"{path}.{nameof(Cooldown)}");
        }
    }

    private protected override void WriteFields(JsonObject config)
    {
        config["event_type"] = EventType;
        config["event_threshold"] = Threshold;
        if (Cooldown is { } cooldown)
        {
            config["cooldown_seconds"] = (long)cooldown.TotalSeconds;
        }
    }
}
