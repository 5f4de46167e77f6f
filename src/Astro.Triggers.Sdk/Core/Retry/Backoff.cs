namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>The waits between attempts when the server gave no Retry-After: exponential from
/// <see cref="RetryOptions.BaseDelay"/>, capped by <see cref="RetryOptions.MaxDelay"/>; with
/// <see cref="RetryOptions.UseJitter"/>, the "decorrelated jitter" series (Polly's exponential backoff with jitter, the
/// formula the SDK used through Polly.Core: medians near BaseDelay × 2^n, no two clients in step). One per call: the
/// series keeps its previous term.</summary>
internal struct Backoff
{
    // The series' shape: smooths the first term, and scales the medians to BaseDelay × 2^n.
    private const double FirstTermFactor = 4.0;
    private const double MedianScale = 1 / 1.4;

    // Below TimeSpan.MaxValue with room for the double → long conversion's rounding.
    private const double MaxTicks = long.MaxValue - 1000d;

    private double _previous;

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first).</summary>
    public TimeSpan Next(RetryOptions options, int retry)
    {
        var baseTicks = (double)options.BaseDelay.Ticks;
        if (baseTicks == 0)
        {
            return TimeSpan.Zero;
        }

        double ticks;
        if (options.UseJitter)
        {
            var t = retry + Random.Shared.NextDouble();
            var next = Math.Pow(2, t) * Math.Tanh(Math.Sqrt(FirstTermFactor * t));
            ticks = Math.Min((next - _previous) * MedianScale * baseTicks, MaxTicks);
            _previous = next;
        }
        else
        {
            ticks = Math.Pow(2, retry) * baseTicks;
        }

        var max = options.MaxDelay;
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
