
namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>A TrueFoundry job run to follow: <c>WaitForCompletionAsync</c> reads the run until it finishes,
/// fails or is terminated (mapping in <see cref="JobRunStatusMap"/>). The status is read under the job's
/// application id; a run triggered by deployment id needs it given (<see cref="JobsClient.TrackRun"/>).</summary>
public class TrueFoundryJobRun : TriggeredRun
{
    private readonly JobsClient? _jobs;
    private JobRun _run;

    /// <summary>Creates a run handle (tests may create their own).</summary>
    /// <param name="run">The run as last read.</param>
    /// <param name="applicationId">The job's application id, to read the status with; null when unknown.</param>
    /// <param name="message">The service's message from the trigger, if any.</param>
    /// <param name="jobs">The client to read the status with.</param>
    /// <param name="timeProvider">The clock for polling waits.</param>
    protected internal TrueFoundryJobRun(JobRun run, string? applicationId, string? message, JobsClient? jobs, TimeProvider? timeProvider)
        : base(TrueFoundryClient.ServiceName, (run ?? throw new ArgumentNullException(nameof(run))).Name, Snapshot(run, (timeProvider ?? TimeProvider.System).GetUtcNow()), timeProvider)
    {
        _run = run;
        _jobs = jobs;
        ApplicationId = applicationId;
        Message = message;
    }

    /// <summary>The job's application id the status is read under; null when triggered by deployment id.</summary>
    public string? ApplicationId { get; }

    /// <summary>The service's message from the trigger.</summary>
    public string? Message { get; }

    /// <summary>The run as last read.</summary>
    public virtual JobRun Run => Volatile.Read(ref _run);

    /// <inheritdoc />
    protected override async Task<RunSnapshot> FetchStatusAsync(CancellationToken cancellationToken)
    {
        if (_jobs is null || ApplicationId is null)
        {
            throw new InvalidOperationException(
                $"Run '{Id}' was triggered by deployment id, and TrueFoundry reads run status under the job's application id: " +
                $"call {nameof(JobsClient)}.{nameof(JobsClient.TrackRun)}(applicationId, \"{Id}\") to follow it.");
        }

        var run = await _jobs.GetRunAsync(ApplicationId, Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _run, run);
        return Snapshot(run, Now());
    }

    private static RunSnapshot Snapshot(JobRun run, DateTimeOffset observedAt) =>
        new(JobRunStatusMap.ToRunStatus(run.Status), JobRunStatusMap.WireName(run.Status), run.Error, observedAt);
}
