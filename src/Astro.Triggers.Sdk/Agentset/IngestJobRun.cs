using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>An ingest job followed as a run: <c>WaitForCompletionAsync</c> polls the job until it is completed,
/// failed or cancelled. Status mapping: BACKLOG, QUEUED, QUEUED_FOR_RESYNC, QUEUED_FOR_DELETE → queued;
/// PRE_PROCESSING, PROCESSING, DELETING, CANCELLING → running; COMPLETED → succeeded; FAILED → failed;
/// CANCELLED → cancelled.</summary>
public class IngestJobRun : TriggeredRun<IngestJob>
{
    /// <summary>What to do instead of cancelling: Agentset has no call that stops an ingest job.</summary>
    internal const string CannotCancel =
        "Agentset has no call that stops an ingest job; IngestJobs.DeleteAsync(jobId) queues the job and its documents for deletion instead.";

    /// <summary>Creates a run over a job, reading its status with <paramref name="read"/>.</summary>
    /// <param name="job">The job as last read.</param>
    /// <param name="read">Reads the job again, with the caller's per-call options; null for a handle that cannot be updated.</param>
    /// <param name="timeProvider">The clock for polling waits.</param>
    protected internal IngestJobRun(IngestJob job, Func<CancellationToken, Task<IngestJob>>? read, TimeProvider? timeProvider)
        : base(AgentsetClient.ServiceName, Guard.NotNull(job).Id, job, Snapshot, read, cancel: null, CannotCancel, timeProvider)
    {
    }

    internal IngestJobRun(IngestJob job, RunSource<IngestJob> source, AgentsetRequestOptions? options, TimeProvider? timeProvider)
        : base(AgentsetClient.ServiceName, Guard.NotNull(job).Id, job, Snapshot, source, options, CannotCancel, timeProvider)
    {
    }

    /// <summary>The common status of an Agentset job status.</summary>
    /// <param name="status">The job status.</param>
    /// <returns>The common status.</returns>
    /// <remarks>The map is the document's (<c>x-astro-run-status</c> on <c>IngestJobStatus</c> in openapi/agentset.yaml),
    /// generated.</remarks>
    public static RunStatus Map(IngestJobStatus status) => AgentsetRunStatuses.FromIngestJobStatus(status);

    // A job tracked by id only has no status yet: its raw status stays null until the first read.
    private static RunSnapshot Snapshot(IngestJob job, DateTimeOffset observedAt) =>
        new(Map(job.Status), job.Status == IngestJobStatus.Unknown ? null : WireName.Of(job.Status, AgentsetJsonContext.Default.IngestJobStatus), job.Error, observedAt);
}
