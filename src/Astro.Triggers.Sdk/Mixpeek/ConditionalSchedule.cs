using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Fires when a measured condition crosses a threshold (<c>trigger_type: conditional</c>), e.g. when the
/// drift from the baseline taken after the last run exceeds 0.2.</summary>
/// <remarks>The field names are our assumption (openapi/README.md); the seed describes the kind but not its fields.
/// Send other fields through <see cref="TriggerSchedule.AdditionalProperties"/>.</remarks>
public sealed class ConditionalSchedule : TriggerSchedule
{
    internal const string TypeName = "conditional";

    /// <summary>The drift condition, the one the seed documents.</summary>
    public const string DriftCondition = "drift";

    private TimeSpan? _checkInterval;

    /// <summary>Creates the schedule.</summary>
    /// <param name="threshold">The value the measurement must exceed (<c>threshold</c>); finite and not negative.</param>
    /// <param name="condition">What is measured (<c>condition_type</c>).</param>
    /// <exception cref="ArgumentException">The condition is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is negative, infinite or NaN.</exception>
    public ConditionalSchedule(double threshold, string condition = DriftCondition)
        : base(TypeName)
    {
        Threshold = Guard.AtLeast(threshold, 0d);
        Condition = Guard.NotNullOrWhiteSpace(condition);
    }

    /// <summary>What is measured (<c>condition_type</c>).</summary>
    /// <value>The default value is <see cref="DriftCondition"/>.</value>
    public string Condition { get; }

    /// <summary>The value the measurement must exceed (<c>threshold</c>).</summary>
    public double Threshold { get; }

    /// <summary>How often the condition is evaluated (<c>check_interval_seconds</c>); whole seconds, at least
    /// <see cref="MixpeekClientOptions.MinimumInterval"/>.</summary>
    /// <value>The default value is <see langword="null"/>: the service's default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below one second or has a fraction of a second
    /// (the client's minimum is checked when the trigger is sent).</exception>
    public TimeSpan? CheckInterval
    {
        get => _checkInterval;
        set => _checkInterval = value is { } interval ? WholeSecondsValue(interval, TimeSpan.FromSeconds(1), nameof(CheckInterval)) : null;
    }

    internal static ConditionalSchedule Read(ConfigFields fields) =>
        new(fields.Double("threshold") ?? throw new FormatException("'threshold' is missing."), fields.String("condition_type") ?? DriftCondition)
        {
            CheckInterval = fields.Seconds("check_interval_seconds"),
        };

    internal override void Validate(string path, MixpeekClientOptions options)
    {
        if (!double.IsFinite(Threshold) || Threshold < 0)
        {
            throw new ArgumentOutOfRangeException($"{path}.{nameof(Threshold)}", Threshold, $"'{path}.{nameof(Threshold)}' must be a finite number, zero or more.");
        }

        if (CheckInterval is { } interval)
        {
            WholeSeconds(interval, options.MinimumInterval, $"{path}.{nameof(CheckInterval)}");
        }
    }

    private protected override void WriteFields(JsonObject config)
    {
        config["condition_type"] = Condition;
        config["threshold"] = Threshold;
        if (CheckInterval is { } interval)
        {
            config["check_interval_seconds"] = (long)interval.TotalSeconds;
        }
    }
}
