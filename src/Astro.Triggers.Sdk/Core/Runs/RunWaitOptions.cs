using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>How <see cref="TriggeredRun.WaitForCompletionAsync(RunWaitOptions, IProgress{RunSnapshot}?, CancellationToken)"/> polls.
/// The wait after each read is the largest of <see cref="PollInterval"/>, the previous wait times <see cref="BackoffFactor"/>
/// and <see cref="PollIntervalRatio"/> times the time waited so far, but at most <see cref="MaxPollInterval"/>. With the
/// defaults a run is read every second for its first 10 seconds, then each wait is a tenth of the time waited so far
/// (reads at 10, 11, 12.1, 13.3 … s), up to one read a minute: a run of 10 s or longer is noticed at most 10% of its
/// length after it ended (and at most a minute after), a shorter one within a second.</summary>
public sealed class RunWaitOptions
{
    /// <summary>The wait after the first read, and the shortest wait between two reads.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two reads (when <see cref="PollInterval"/> is longer, that is used instead): how
    /// late, at most, a long run is noticed, against how often it is read.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before the next read as a fraction of the time waited so far: 0.1 waits 1 s after 10 s,
    /// 6 s after a minute. A run that ends after <see cref="PollInterval"/> / ratio is then noticed at most this fraction
    /// of its length after it ended, with the fewest reads that can promise it. 0 turns it off (the interval then grows
    /// only by <see cref="BackoffFactor"/>).</summary>
    /// <value>The default value is 0.1 (10%). Between 0 and 10.</value>
    public double PollIntervalRatio { get; set; } = 0.1;

    /// <summary>How much each wait grows over the previous one, whatever the time waited (1: no growth of its own;
    /// <see cref="PollIntervalRatio"/> still lengthens the waits).</summary>
    /// <value>The default value is 1. Between 1 and 10.</value>
    public double BackoffFactor { get; set; } = 1;

    /// <summary>The longest the whole wait may take, kept to the letter: no wait between two reads goes past it (a wait that
    /// would is cut to the time left, a service's <c>Retry-After</c> too), the run is read once more at the deadline, and
    /// <see cref="RunWaitTimeoutException"/> is thrown only when that read does not see the run end. A read still under way
    /// when the deadline passes is abandoned then (the timeout, no further read); the read at the deadline is bounded by the
    /// client's own timeouts. No sleep inside a read passes the deadline either: the client does not retry a status read
    /// whose retry delay (backoff or <c>Retry-After</c>) would end past it, and when the service's rate limit leaves no
    /// room before the deadline, the read at the deadline is not sent and the wait ends with
    /// <see cref="RunWaitTimeoutException"/> at the deadline. <see cref="Timeout.InfiniteTimeSpan"/>
    /// waits for ever (cancellation still stops it). Zero is refused: a wait reads at least once.</summary>
    /// <value>The default value is 1 hour.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether a run that ends failed or cancelled throws <see cref="RunFailedException"/>.</summary>
    /// <value>The default value is <see langword="true"/>; set false to inspect <see cref="TriggeredRun.Status"/> instead.</value>
    public bool ThrowOnFailure { get; set; } = true;

    internal void Validate()
    {
        Guard.Positive(PollInterval, $"{nameof(RunWaitOptions)}.{nameof(PollInterval)}");
        Guard.Positive(MaxPollInterval, $"{nameof(RunWaitOptions)}.{nameof(MaxPollInterval)}");
        Guard.Positive(Timeout, $"{nameof(RunWaitOptions)}.{nameof(Timeout)}");
        if (PollInterval == System.Threading.Timeout.InfiniteTimeSpan || MaxPollInterval == System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), "Poll intervals must be finite.");
        }

        Guard.InRange(BackoffFactor, 1, 10, $"{nameof(RunWaitOptions)}.{nameof(BackoffFactor)}");
        Guard.InRange(PollIntervalRatio, 0, 10, $"{nameof(RunWaitOptions)}.{nameof(PollIntervalRatio)}");
    }

    /// <summary>The wait after a read: the largest of the poll interval, the previous wait grown by the backoff factor and
    /// the ratio of the time waited so far, capped by the larger of the two interval limits.</summary>
    /// <param name="previous">The previous wait of the schedule (not a server's Retry-After); null after the first read.</param>
    /// <param name="elapsed">The time since the wait started.</param>
    internal TimeSpan NextPollInterval(TimeSpan? previous, TimeSpan elapsed)
    {
        var ticks = Math.Max(PollInterval.Ticks, elapsed.Ticks * PollIntervalRatio);
        if (previous is { } last)
        {
            ticks = Math.Max(ticks, last.Ticks * BackoffFactor);
        }

        // Whole milliseconds (floored), as every client sleeps (conformance rule poll-schedule).
        var capped = Math.Min(ticks, Math.Max(MaxPollInterval.Ticks, PollInterval.Ticks));
        return TimeSpan.FromTicks((long)Math.Floor(capped / TimeSpan.TicksPerMillisecond) * TimeSpan.TicksPerMillisecond);
    }

    /// <summary>What the wait does after a read that did not see the run end: the schedule's own wait
    /// (<see cref="NextPollInterval"/>), or the service's <c>Retry-After</c> when longer, cut to the time left to the
    /// deadline, so the last read comes at the deadline itself rather than before or after it.</summary>
    /// <param name="previous">The previous wait of the schedule; null after the first read.</param>
    /// <param name="elapsed">The time since the wait started.</param>
    /// <param name="serverWait">The Retry-After of a 429/503 answer to the read; null when none.</param>
    /// <param name="remaining">The time left to the deadline; null for a wait without timeout.</param>
    internal PollStep NextPoll(TimeSpan? previous, TimeSpan elapsed, TimeSpan? serverWait, TimeSpan? remaining)
    {
        var interval = NextPollInterval(previous, elapsed);
        var wait = serverWait > interval ? serverWait.Value : interval;
        return remaining switch
        {
            null => new PollStep(interval, wait, AtDeadline: false),
            { } left when left <= TimeSpan.Zero => new PollStep(interval, null, AtDeadline: false),
            { } left when wait >= left => new PollStep(interval, left, AtDeadline: true),
            _ => new PollStep(interval, wait, AtDeadline: false),
        };
    }
}
