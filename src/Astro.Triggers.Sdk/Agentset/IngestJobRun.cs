using Astro.Triggers.Sdk.Agentset.Generated;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>An ingest job followed as a run: <c>WaitForCompletionAsync</c> polls the job until it is completed,
/// failed or cancelled. Status mapping: BACKLOG, QUEUED, QUEUED_FOR_RESYNC, QUEUED_FOR_DELETE → queued;
/// PRE_PROCESSING, PROCESSING, DELETING, CANCELLING → running; COMPLETED → succeeded; FAILED → failed;
/// CANCELLED → cancelled.</summary>
public class IngestJobRun : TriggeredRun
{
    private readonly Func<string, CancellationToken, Task<IngestJob>>? _get;
    private IngestJob _job;

    /// <summary>Creates a run over a job, reading its status with <paramref name="get"/> (tests may pass their own).</summary>
    /// <param name="job">The job as last read.</param>
    /// <param name="get">Reads the job by id.</param>
    /// <param name="timeProvider">The clock for polling waits.</param>
    protected internal IngestJobRun(IngestJob job, Func<string, CancellationToken, Task<IngestJob>>? get, TimeProvider? timeProvider)
        : base(AgentsetClient.ServiceName, (job ?? throw new ArgumentNullException(nameof(job))).Id, Snapshot(job, (timeProvider ?? TimeProvider.System).GetUtcNow()), timeProvider)
    {
        _job = job;
        _get = get;
    }

    /// <summary>The job as last read.</summary>
    public virtual IngestJob Job => Volatile.Read(ref _job);

    /// <summary>The common status of an Agentset job status.</summary>
    /// <param name="status">The job status.</param>
    /// <returns>The common status.</returns>
    public static RunStatus Map(IngestJobStatus status) => status switch
    {
        IngestJobStatus.Backlog or IngestJobStatus.Queued or IngestJobStatus.QueuedForResync or IngestJobStatus.QueuedForDelete => RunStatus.Queued,
        IngestJobStatus.PreProcessing or IngestJobStatus.Processing or IngestJobStatus.Deleting or IngestJobStatus.Cancelling => RunStatus.Running,
        IngestJobStatus.Completed => RunStatus.Succeeded,
        IngestJobStatus.Failed => RunStatus.Failed,
        IngestJobStatus.Cancelled => RunStatus.Cancelled,
        _ => RunStatus.Unknown,
    };

    /// <inheritdoc />
    protected override async Task<RunSnapshot> FetchStatusAsync(CancellationToken cancellationToken)
    {
        if (_get is null)
        {
            throw new InvalidOperationException("This run was created without a client to read its status.");
        }

        var job = await _get(Id, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _job, job);
        return Snapshot(job, Now());
    }

    private static RunSnapshot Snapshot(IngestJob job, DateTimeOffset observedAt) =>
        new(Map(job.Status), WireName.Of(job.Status, AgentsetJsonContext.Default.IngestJobStatus), job.Error, observedAt);
}
