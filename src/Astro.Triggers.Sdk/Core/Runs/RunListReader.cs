namespace Astro.Triggers.Sdk.Core;

/// <summary>Reads the statuses of many runs of one sub-client through the service's list operation, for a
/// <see cref="RunGroup{TRun}"/>: one request per page per cycle instead of one per run. Made once per sub-client and
/// reached through each run's status source (<see cref="RunSource{T}.Lister"/>); its requests go through the sub-client's
/// public list call, so retries, the pacer and telemetry apply to them as to any call.</summary>
internal abstract class RunListReader
{
    /// <summary>The scope one list read covers for <paramref name="run"/> (its namespace and tenant, application, fleet or
    /// trigger), compared with <see cref="object.Equals(object?)"/>; null when no list shows the run (it is read on its own).</summary>
    public abstract object? ScopeOf(TriggeredRun run);

    /// <summary>Reads the list of one scope, page by page, until every run of <paramref name="due"/> was shown or the
    /// list cannot show the rest. Every run of <paramref name="followed"/> the list shows is updated (observed).</summary>
    /// <param name="due">The runs of the scope whose next read is due (at least one).</param>
    /// <param name="followed">Every run of the scope still followed (a superset of <paramref name="due"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The requests sent and the runs the list showed; a due run not among them is read on its own.</returns>
    public abstract Task<RunListRead> ReadAsync(IReadOnlyList<TriggeredRun> due, IReadOnlyList<TriggeredRun> followed, CancellationToken cancellationToken);
}

/// <summary>What one list read of a <see cref="RunListReader"/> did.</summary>
/// <param name="Requests">The requests it sent (pages read).</param>
/// <param name="Shown">The runs it showed and updated: they need no read of their own this cycle.</param>
internal sealed record RunListRead(int Requests, IReadOnlySet<TriggeredRun> Shown);
