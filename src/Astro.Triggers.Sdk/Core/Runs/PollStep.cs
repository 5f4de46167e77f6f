namespace Astro.Triggers.Sdk;

/// <summary>What a wait does after a read that did not see the run end (conformance rule poll-schedule).</summary>
/// <param name="Interval">The schedule's own wait, grown from the previous one (a Retry-After does not feed the schedule).</param>
/// <param name="Sleep">How long to sleep before the next read; null when no read is left (the deadline has passed).</param>
/// <param name="AtDeadline">The next read is the one at the deadline, the last: a run it does not see ended has timed out.</param>
internal readonly record struct PollStep(TimeSpan Interval, TimeSpan? Sleep, bool AtDeadline);
