namespace Astro.Triggers.Sdk.Core;

/// <summary>A test seam: a progress given to a <see cref="RunGroup{TRun}"/> wait that also implements this is told at the
/// end of every cycle, before the group sleeps (the public progress hears only changes). Virtual-time drivers use it to
/// learn that a cycle's reads have ended and that the next timer is the group's sleep.</summary>
internal interface IRunGroupObserver
{
    /// <summary>A cycle ended.</summary>
    /// <param name="requests">The status reads the cycle sent (list pages and single reads).</param>
    /// <param name="sleep">How long the group sleeps now; null when the wait ended.</param>
    void CycleEnded(int requests, TimeSpan? sleep);
}
