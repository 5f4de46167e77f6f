namespace Astro.Triggers.Sdk;

/// <summary>Where a <see cref="RunGroup{TRun}"/> stands: how many of its runs are in each common status, the run it has
/// followed longest that has not ended, and the status reads it has sent. Runs still followed count under their last
/// observed status (queued, running, unknown); ended runs under succeeded, failed or cancelled; runs the group stopped
/// following without a final status (a status read failed, the timeout passed) under <see cref="Abandoned"/>.</summary>
/// <param name="Queued">Runs still followed whose last status was queued (or not yet visible).</param>
/// <param name="Running">Runs still followed whose last status was running.</param>
/// <param name="Unknown">Runs still followed whose last status the SDK did not know.</param>
/// <param name="Succeeded">Runs that ended succeeded.</param>
/// <param name="Failed">Runs that ended failed.</param>
/// <param name="Cancelled">Runs that ended cancelled.</param>
/// <param name="Abandoned">Runs the group stopped following without a final status; their <see cref="RunResult{TRun}.Error"/> says why.</param>
/// <param name="OldestRunning">The run followed longest that has not ended; null when every run ended.</param>
/// <param name="OldestRunningFor">How long the group has followed <paramref name="OldestRunning"/>; zero when it is null.</param>
/// <param name="StatusReads">Status reads the group has sent so far (list pages and reads of single runs).</param>
/// <param name="ObservedAt">When this was computed, on the group's clock.</param>
public sealed record RunGroupProgress(
    int Queued,
    int Running,
    int Unknown,
    int Succeeded,
    int Failed,
    int Cancelled,
    int Abandoned,
    TriggeredRun? OldestRunning,
    TimeSpan OldestRunningFor,
    long StatusReads,
    DateTimeOffset ObservedAt)
{
    /// <summary>Every run of the group.</summary>
    public int Total => Queued + Running + Unknown + Succeeded + Failed + Cancelled + Abandoned;

    /// <summary>Runs the group no longer follows: succeeded, failed, cancelled or abandoned.</summary>
    public int Ended => Succeeded + Failed + Cancelled + Abandoned;

    /// <summary>Runs still followed.</summary>
    public int Pending => Queued + Running + Unknown;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Ended}/{Total} ended ({Succeeded} succeeded, {Failed} failed, {Cancelled} cancelled, {Abandoned} abandoned); " +
        $"{Queued} queued, {Running} running, {Unknown} unknown; {StatusReads} status reads";
}
