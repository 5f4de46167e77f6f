using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>Starts a stream of runs of any service with a concurrency limit and yields each outcome as it completes
/// (<see cref="StartOutcomeKind.Started"/>, <see cref="StartOutcomeKind.Refused"/>, <see cref="StartOutcomeKind.Ambiguous"/>).
/// Without a reconciling start, an ambiguous answer stays ambiguous and is never resent — the right thing for Astropod,
/// Shipyard and TrueFoundry, which give nothing to look a lost start up by. Agentset's
/// <c>IngestJobs.StartManyAsync</c> reconciles by <c>ExternalId</c>; a start function that reconciles on its own (e.g.
/// Mixpeek's <c>Executions.StartReconciledAsync</c>) has its finding reported in <see cref="StartOutcome{TRequest, TRun}.Reconciliation"/>.</summary>
public static class StartMany
{
    /// <summary>Starts every request through <paramref name="start"/>, at most <see cref="StartManyOptions.MaxConcurrency"/>
    /// at once; outcomes in completion order. Stopping the enumeration early cancels the starts in flight.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TRun">The run handle <paramref name="start"/> returns.</typeparam>
    /// <param name="requests">The requests, read lazily as slots free up.</param>
    /// <param name="start">Starts one request, e.g. <c>(r, ct) =&gt; client.Jobs.TriggerAsync(r, cancellationToken: ct)</c>; the
    /// SDK's exceptions it throws become outcomes, any other exception ends the enumeration.</param>
    /// <param name="options">Concurrency (default 8). Its <see cref="StartManyOptions.Reconcile"/> is not used here: there is
    /// no lookup to run.</param>
    /// <param name="cancellationToken">Stops starting and cancels the starts in flight.</param>
    /// <returns>Each request's outcome, as it completes.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (checked at the call, before anything starts).</exception>
    public static IAsyncEnumerable<StartOutcome<TRequest, TRun>> RunAsync<TRequest, TRun>(
        IAsyncEnumerable<TRequest> requests, Func<TRequest, CancellationToken, Task<TRun>> start, StartManyOptions? options = null,
        CancellationToken cancellationToken = default)
        where TRun : class
    {
        Guard.NotNull(requests);
        Guard.NotNull(start);
        options = (options ?? new StartManyOptions()).Validated(nameof(options));
        return new StartEngine<TRequest, TRun>(start, reconcile: null, TimeProvider.System).RunAsync(requests, options, cancellationToken);
    }

    /// <summary>Starts every request through <paramref name="start"/>, at most <see cref="StartManyOptions.MaxConcurrency"/>
    /// at once; outcomes in completion order. Stopping the enumeration early cancels the starts in flight.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TRun">The run handle <paramref name="start"/> returns.</typeparam>
    /// <param name="requests">The requests, read lazily as slots free up.</param>
    /// <param name="start">Starts one request; the SDK's exceptions it throws become outcomes, any other exception ends
    /// the enumeration.</param>
    /// <param name="options">Concurrency (default 8).</param>
    /// <param name="cancellationToken">Stops starting and cancels the starts in flight.</param>
    /// <returns>Each request's outcome, as it completes.</returns>
    /// <exception cref="ArgumentException">An argument breaks its rule (checked at the call, before anything starts).</exception>
    public static IAsyncEnumerable<StartOutcome<TRequest, TRun>> RunAsync<TRequest, TRun>(
        IEnumerable<TRequest> requests, Func<TRequest, CancellationToken, Task<TRun>> start, StartManyOptions? options = null,
        CancellationToken cancellationToken = default)
        where TRun : class
    {
        Guard.NotNull(requests);
        return RunAsync(Lazily(requests), start, options, cancellationToken);
    }

    internal static async IAsyncEnumerable<T> Lazily<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
