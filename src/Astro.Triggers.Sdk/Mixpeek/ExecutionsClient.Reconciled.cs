using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

// An execute whose answer was lost is reconciled by the trigger's execution history since the call (README, "Start
// many, exactly once"). Mixpeek has no idempotency key, so an execution is attributed only when it is the only one.
public partial class ExecutionsClient
{
    /// <summary>Executes the trigger as <see cref="StartAsync"/> does and, when the answer is ambiguous (a 500, a reset
    /// connection, a timeout after sending), reconciles it by the trigger's execution history: the executions triggered
    /// since the call's start minus <see cref="ReconcileOptions.ClockSkew"/> (newest first, stopping at the first older
    /// one). Exactly one: it is the run. None: proven absent, the trigger is executed once more — exactly once. More
    /// than one (another execute of the same trigger, or its schedule, fired in that span): it cannot be attributed,
    /// and <see cref="AmbiguousStartException"/> is thrown with <see cref="Reconciliation.Unknown"/>. Do not execute
    /// one trigger concurrently with this call if you want every ambiguous answer decided.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="reconcile">Clock skew (default 30 s) and settle delay (default 1 s); null for the defaults.</param>
    /// <param name="options">Per-call namespace, retry and timeout; the history reads and status reads use them too.</param>
    /// <param name="cancellationToken">Cancels the execute, the lookup and the resend.</param>
    /// <returns>The run of the task, whether from the answer or from the history.</returns>
    /// <exception cref="ArgumentException">The id or namespace breaks its rule; nothing was sent.</exception>
    /// <exception cref="AmbiguousStartException">The answer was lost and the history could not decide; not repeated.</exception>
    /// <exception cref="AstroTriggersException">Mixpeek refused the execute (e.g. <see cref="BadRequestException"/> for a
    /// paused trigger), first time or on the one resend.</exception>
    public virtual Task<TriggerExecutionRun> StartReconciledAsync(
        string triggerId, ReconcileOptions? reconcile = null, MixpeekRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(triggerId);
        reconcile = (reconcile ?? new ReconcileOptions()).Validated(nameof(reconcile));
        var engine = new StartEngine<string, TriggerExecutionRun>(
            (id, ct) => StartAsync(id, options, ct),
            (id, startedAt, settings, ct) => FindInHistoryAsync(id, startedAt, settings, options, ct),
            _options.TimeProvider);
        return engine.StartReconciledAsync(triggerId, reconcile, cancellationToken);
    }

    private async Task<(Reconciliation, TriggerExecutionRun?)> FindInHistoryAsync(
        string triggerId, DateTimeOffset startedAt, ReconcileOptions reconcile, MixpeekRequestOptions? options, CancellationToken cancellationToken)
    {
        var since = startedAt - reconcile.ClockSkew;
        string? only = null;
        var count = 0;
        await foreach (var execution in ListAsync(triggerId, new TriggerHistoryOptions { PageSize = 100 }, options, cancellationToken).ConfigureAwait(false))
        {
            if (execution.TriggeredAt < since)
            {
                break;
            }

            only = execution.TaskId;
            if (++count > 1)
            {
                return (Reconciliation.Unknown, null);
            }
        }

        return count == 1 ? (Reconciliation.Created, Track(only!, options)) : (Reconciliation.NotCreated, null);
    }
}
