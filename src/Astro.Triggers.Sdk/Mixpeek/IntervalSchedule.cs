using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Fires every fixed interval (<c>trigger_type: interval</c>), e.g. every 6 hours.</summary>
public sealed class IntervalSchedule : TriggerSchedule
{
    internal const string TypeName = "interval";

    /// <summary>Creates the schedule. The interval must be whole seconds, at least one, here; the client's
    /// <see cref="MixpeekClientOptions.MinimumInterval"/> (60 s by default) is checked when the trigger is sent.</summary>
    /// <param name="interval">Time between runs; whole seconds, at least 1 s (<c>interval_seconds</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The interval is below one second or has a fraction of a second.</exception>
    public IntervalSchedule(TimeSpan interval)
        : base(TypeName)
    {
        WholeSeconds(interval, TimeSpan.FromSeconds(1), nameof(interval));
        Interval = interval;
    }

    /// <summary>Time between runs (<c>interval_seconds</c>).</summary>
    public TimeSpan Interval { get; }

    /// <summary>Fire once as soon as the trigger is created, then every interval (<c>start_immediately</c>).</summary>
    /// <value>The default value is <see langword="null"/>: not sent, the service's default (the first run one interval after creation).</value>
    public bool? StartImmediately { get; set; }

    /// <summary>The next fire times of a trigger whose schedule starts at <paramref name="start"/> (its creation, or
    /// its <see cref="Trigger.NextScheduledAt"/> to continue from there), computed locally.</summary>
    /// <param name="start">When the schedule starts.</param>
    /// <param name="count">How many times to return, 1 to 10,000.</param>
    /// <returns><paramref name="start"/> first when <see cref="StartImmediately"/> is true, then every interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public IReadOnlyList<DateTimeOffset> GetNextFireTimes(DateTimeOffset start, int count)
    {
        PreviewCount(count);
        WholeSeconds(Interval, TimeSpan.FromSeconds(1), nameof(Interval));
        var first = StartImmediately == true ? start : start + Interval;
        return Enumerable.Range(0, count).Select(i => first + (Interval * i)).ToArray();
    }

    internal static IntervalSchedule Read(ConfigFields fields) =>
        new(fields.Seconds("interval_seconds") ?? throw new FormatException("'interval_seconds' is missing."))
        {
            StartImmediately = fields.Bool("start_immediately"),
        };

    internal override void Validate(string path, MixpeekClientOptions options) =>
        WholeSeconds(Interval, options.MinimumInterval, $"{path}.{nameof(Interval)}");

    private protected override void WriteFields(JsonObject config)
    {
        config["interval_seconds"] = (long)Interval.TotalSeconds;
        if (StartImmediately is { } startImmediately)
        {
            config["start_immediately"] = startImmediately;
        }
    }
}
