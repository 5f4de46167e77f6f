using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk.Agentset;

// Starting jobs exactly once: an ambiguous create is reconciled by the request's ExternalId (README, "Start many,
// exactly once"). Agentset has no idempotency header; ExternalId is the caller's own key (reference/vendors.md).
public partial class IngestJobsClient
{
    /// <summary>Creates an ingest job as <see cref="StartAsync"/> does and, when the answer is ambiguous (a 500, a reset
    /// connection, a timeout after sending), reconciles it instead of throwing: it looks for a job with the request's
    /// <c>ExternalId</c> among the namespace's jobs created since the call's start minus
    /// <see cref="ReconcileOptions.ClockSkew"/> (the list, newest first, stopping at the first older job). Found: that job
    /// is the run. Proven absent: the request is sent once more — exactly once. Anything else: <see cref="AmbiguousStartException"/>.</summary>
    /// <param name="job">The job, checked as by <see cref="CreateAsync"/>; without <c>ExternalId</c> nothing can be looked
    /// up and an ambiguous answer is thrown as <see cref="AmbiguousStartException"/> (<see cref="Reconciliation.Unsupported"/>).</param>
    /// <param name="reconcile">Clock skew (default 30 s) and settle delay (default 1 s); null for the defaults.</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout; the lookup and the status reads use them too.</param>
    /// <param name="cancellationToken">Cancels the create, the lookup and the resend.</param>
    /// <returns>The run, whether the service's answer or the lookup found it.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule; nothing was sent.</exception>
    /// <exception cref="AmbiguousStartException">The answer was lost and the lookup failed or could not decide
    /// (<see cref="AmbiguousStartException.Reconciliation"/>); the request was not repeated.</exception>
    /// <exception cref="AstroTriggersException">The service refused the create (a <see cref="ServiceRequestException"/>
    /// subclass per status, <c>MayHaveBeenProcessed</c> false), first time or on the one resend.</exception>
    public virtual Task<IngestJobRun> StartReconciledAsync(
        CreateIngestJobRequest job, ReconcileOptions? reconcile = null, AgentsetRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(job);
        reconcile = (reconcile ?? new ReconcileOptions()).Validated(nameof(reconcile));
        return Starter(options).StartReconciledAsync(job, reconcile, cancellationToken);
    }

    /// <summary>Starts many ingest jobs, at most <see cref="StartManyOptions.MaxConcurrency"/> at once, each reconciled
    /// as by <see cref="StartReconciledAsync"/>, and yields each outcome as it completes: started (the run), refused (the
    /// typed error) or ambiguous. Every call goes through this client, so its rate-limit pacer and retries apply. Give
    /// every job a unique <c>ExternalId</c>: it is what makes an ambiguous create decidable.</summary>
    /// <param name="jobs">The jobs, read lazily as slots free up.</param>
    /// <param name="startMany">Concurrency (default 8) and reconciliation (default on; null turns it off).</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout, for every call.</param>
    /// <param name="cancellationToken">Stops starting and cancels the starts in flight.</param>
    /// <returns>Each job's outcome, in completion order.</returns>
    /// <exception cref="ArgumentException">An option breaks its rule (checked at the call). A job that breaks a rule is a
    /// <see cref="StartOutcomeKind.Refused"/> outcome, not an exception.</exception>
    public virtual IAsyncEnumerable<StartOutcome<CreateIngestJobRequest, IngestJobRun>> StartManyAsync(
        IAsyncEnumerable<CreateIngestJobRequest> jobs, StartManyOptions? startMany = null, AgentsetRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(jobs);
        startMany = (startMany ?? new StartManyOptions()).Validated(nameof(startMany));
        return Starter(options).RunAsync(jobs, startMany, cancellationToken);
    }

    /// <summary>Starts many ingest jobs (exactly as the <see cref="IAsyncEnumerable{T}"/> overload).</summary>
    /// <param name="jobs">The jobs, read lazily as slots free up.</param>
    /// <param name="startMany">Concurrency (default 8) and reconciliation (default on; null turns it off).</param>
    /// <param name="options">Per-call namespace, tenant, retry and timeout, for every call.</param>
    /// <param name="cancellationToken">Stops starting and cancels the starts in flight.</param>
    /// <returns>Each job's outcome, in completion order.</returns>
    /// <exception cref="ArgumentException">An option breaks its rule (checked at the call).</exception>
    public virtual IAsyncEnumerable<StartOutcome<CreateIngestJobRequest, IngestJobRun>> StartManyAsync(
        IEnumerable<CreateIngestJobRequest> jobs, StartManyOptions? startMany = null, AgentsetRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(jobs);
        return StartManyAsync(StartMany.Lazily(jobs), startMany, options, cancellationToken);
    }

    private StartEngine<CreateIngestJobRequest, IngestJobRun> Starter(AgentsetRequestOptions? options) => new(
        (job, ct) => StartAsync(job, options, ct),
        (job, startedAt, reconcile, ct) => FindByExternalIdAsync(job, startedAt, reconcile, options, ct),
        _options.TimeProvider);

    private async Task<(Reconciliation, IngestJobRun?)> FindByExternalIdAsync(
        CreateIngestJobRequest job, DateTimeOffset startedAt, ReconcileOptions reconcile, AgentsetRequestOptions? options,
        CancellationToken cancellationToken)
    {
        if (job.ExternalId is not { } externalId)
        {
            return (Reconciliation.Unsupported, null);
        }

        var since = startedAt - reconcile.ClockSkew;
        var newestFirst = new IngestJobListOptions { Order = SortDirection.Descending, PageSize = 100 };
        await foreach (var found in ListAsync(newestFirst, options, cancellationToken).ConfigureAwait(false))
        {
            if (found.CreatedAt < since)
            {
                break;
            }

            if (string.Equals(found.ExternalId, externalId, StringComparison.Ordinal))
            {
                return (Reconciliation.Created, Track(found, options));
            }
        }

        // Every job since just before the call was seen (or the namespace has no more): it was not created.
        return (Reconciliation.NotCreated, null);
    }
}
