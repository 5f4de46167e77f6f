using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>A TrueFoundry job run to follow: <c>WaitForCompletionAsync</c> reads the run until it finishes,
/// fails or is terminated (mapping in <see cref="JobRunStatusMap"/>); <see cref="TriggeredRun.CancelAsync"/> terminates it.
/// The status is read under the job's application id: a run started by deployment id is followed with
/// <see cref="JobRunsClient.Track"/> given its application id.</summary>
public class TrueFoundryJobRun : TriggeredRun<JobRun>
{
    /// <summary>Creates a run handle.</summary>
    /// <param name="run">The run as last read.</param>
    /// <param name="applicationId">The job's application id, to read the status with; null when unknown.</param>
    /// <param name="message">The service's message from the trigger, if any.</param>
    /// <param name="read">Reads the run again, with the caller's per-call options; null when the status cannot be read.</param>
    /// <param name="cancel">Terminates the run; null for a handle that cannot.</param>
    /// <param name="timeProvider">The clock for polling waits.</param>
    protected internal TrueFoundryJobRun(
        JobRun run, string? applicationId, string? message, Func<CancellationToken, Task<JobRun>>? read,
        Func<JobRun, CancellationToken, Task>? cancel, TimeProvider? timeProvider)
        : base(TrueFoundryClient.ServiceName, Guard.NotNull(run).Name, run, Snapshot, read ?? Unreadable(run.Name), cancel, null, timeProvider)
    {
        ApplicationId = applicationId;
        Message = message;
    }

    internal TrueFoundryJobRun(JobRun run, string? applicationId, string? message, RunSource<JobRun> source, RequestOptions? options, TimeProvider? timeProvider)
        : base(TrueFoundryClient.ServiceName, Guard.NotNull(run).Name, run, Snapshot, source, options, null, timeProvider)
    {
        ApplicationId = applicationId;
        Message = message;
    }

    /// <summary>The job's application id the status is read under; null when started by deployment id.</summary>
    public string? ApplicationId { get; }

    /// <summary>The service's message from the trigger.</summary>
    public string? Message { get; }

    private static Func<CancellationToken, Task<JobRun>> Unreadable(string name) => _ => throw CannotRead(name);

    /// <summary>Why a run started by deployment id cannot be read, and what to do instead.</summary>
    internal static InvalidOperationException CannotRead(string name) => new(
        $"Run '{name}' was started by deployment id, and TrueFoundry reads run status under the job's application id: " +
        $"call {nameof(JobRunsClient)}.{nameof(JobRunsClient.Track)}(applicationId, \"{name}\") to follow it.");

    private static RunSnapshot Snapshot(JobRun run, DateTimeOffset observedAt) =>
        new(JobRunStatusMap.ToRunStatus(run.Status), JobRunStatusMap.WireName(run.Status), run.Error, observedAt);
}
