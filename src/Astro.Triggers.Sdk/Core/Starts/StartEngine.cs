using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Astro.Triggers.Sdk.Core;

/// <summary>Looks up whether an ambiguous start was acted on: the request, when the call started (this machine's
/// clock) and the options; answers Created with the run, NotCreated, Unknown or Unsupported. May throw the SDK's
/// exceptions (the lookup failed): that is Unknown.</summary>
internal delegate Task<(Reconciliation Result, TRun? Run)> Reconciler<TRequest, TRun>(
    TRequest request, DateTimeOffset callStartedAt, ReconcileOptions options, CancellationToken cancellationToken)
    where TRun : class;

/// <summary>Starts one request with reconciliation (and at most one resend), or a stream of them with a concurrency
/// limit, outcomes in completion order. Every call goes through the service's normal client, so pacing, retries and
/// telemetry apply as to any call.</summary>
internal sealed class StartEngine<TRequest, TRun>(
    Func<TRequest, CancellationToken, Task<TRun>> start,
    Reconciler<TRequest, TRun>? reconcile,
    TimeProvider clock)
    where TRun : class
{
    /// <summary>One start: the call; on an ambiguous failure the reconciliation; on "not created" exactly one resend
    /// (itself reconciled if ambiguous, never sent a third time).</summary>
    public async Task<StartOutcome<TRequest, TRun>> StartOneAsync(
        long index, TRequest request, ReconcileOptions? options, CancellationToken cancellationToken)
    {
        var first = await AttemptAsync(request, cancellationToken).ConfigureAwait(false);
        if (first.Run is { } run)
        {
            return new(index, request, StartOutcomeKind.Started, run, null, Reconciliation.None, resent: false);
        }

        if (first.Refusal is { } refusal)
        {
            return new(index, request, StartOutcomeKind.Refused, null, refusal, Reconciliation.None, resent: false);
        }

        var failure = first.Ambiguous!;
        if (failure is AmbiguousStartException settled)
        {
            // A start that reconciles on its own (StartReconciledAsync run through StartMany.RunAsync): its finding stands.
            return new(index, request, StartOutcomeKind.Ambiguous, null, settled.Failure, settled.Reconciliation, resent: false);
        }

        if (options is null)
        {
            return new(index, request, StartOutcomeKind.Ambiguous, null, failure, Reconciliation.None, resent: false);
        }

        var (found, foundRun) = await ReconcileAsync(request, first.StartedAt, options, cancellationToken).ConfigureAwait(false);
        switch (found)
        {
            case Reconciliation.Created:
                return new(index, request, StartOutcomeKind.Started, foundRun, null, found, resent: false);
            case not Reconciliation.NotCreated:
                return new(index, request, StartOutcomeKind.Ambiguous, null, failure, found, resent: false);
        }

        // Proven absent: send it once more, exactly once.
        var second = await AttemptAsync(request, cancellationToken).ConfigureAwait(false);
        if (second.Run is { } resentRun)
        {
            return new(index, request, StartOutcomeKind.Started, resentRun, null, Reconciliation.NotCreated, resent: true);
        }

        if (second.Refusal is { } secondRefusal)
        {
            return new(index, request, StartOutcomeKind.Refused, null, secondRefusal, Reconciliation.NotCreated, resent: true);
        }

        var (again, againRun) = await ReconcileAsync(request, second.StartedAt, options, cancellationToken).ConfigureAwait(false);
        return again == Reconciliation.Created
            ? new(index, request, StartOutcomeKind.Started, againRun, null, again, resent: true)
            : new(index, request, StartOutcomeKind.Ambiguous, null, second.Ambiguous, again, resent: true);
    }

    /// <summary>The single-call form: the run, or the refusal rethrown as is, or <see cref="AmbiguousStartException"/>.</summary>
    public async Task<TRun> StartReconciledAsync(TRequest request, ReconcileOptions options, CancellationToken cancellationToken)
    {
        var outcome = await StartOneAsync(0, request, options, cancellationToken).ConfigureAwait(false);
        switch (outcome.Kind)
        {
            case StartOutcomeKind.Started:
                return outcome.Run!;
            case StartOutcomeKind.Refused:
                ExceptionDispatchInfo.Capture(outcome.Error!).Throw();
                throw outcome.Error!;
            default:
                throw new AmbiguousStartException((AstroTriggersException)outcome.Error!, outcome.Reconciliation);
        }
    }

    /// <summary>Starts every request, at most <see cref="StartManyOptions.MaxConcurrency"/> at once, and yields each
    /// outcome as it completes. Stopping the enumeration early cancels the starts still in flight.</summary>
    public async IAsyncEnumerable<StartOutcome<TRequest, TRun>> RunAsync(
        IAsyncEnumerable<TRequest> requests, StartManyOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outcomes = Channel.CreateUnbounded<StartOutcome<TRequest, TRun>>(new UnboundedChannelOptions { SingleReader = true });
        var producer = ProduceAsync(requests, options, outcomes.Writer, stop);
        try
        {
            await foreach (var outcome in outcomes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return outcome;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    private async Task ProduceAsync(
        IAsyncEnumerable<TRequest> requests, StartManyOptions options, ChannelWriter<StartOutcome<TRequest, TRun>> writer, CancellationTokenSource stop)
    {
        var limit = options.MaxConcurrency;
        using var slots = new SemaphoreSlim(limit, limit);
        Exception? failure = null;
        long index = 0;

        async Task OneAsync(long i, TRequest request)
        {
            try
            {
                var outcome = await StartOneAsync(i, request, options.Reconcile, stop.Token).ConfigureAwait(false);
                writer.TryWrite(outcome);
            }
            catch (Exception ex)
            {
                // Cancellation or a fault outside the SDK's exceptions: stop everything and surface it to the reader.
                Interlocked.CompareExchange(ref failure, ex, null);
                await stop.CancelAsync().ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }

        try
        {
            await foreach (var request in requests.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                if (stop.IsCancellationRequested)
                {
                    // A slot freed by a start that was being cancelled: start nothing new once stopping.
                    slots.Release();
                    break;
                }

                _ = OneAsync(index++, request);
            }
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref failure, ex, null);
        }

        // Every slot back: every start in flight has ended (and written its outcome).
        for (var i = 0; i < limit; i++)
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        writer.TryComplete(Volatile.Read(ref failure));
    }

    private async Task<Attempt> AttemptAsync(TRequest request, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        try
        {
            return new Attempt(startedAt, await start(request, cancellationToken).ConfigureAwait(false), null, null);
        }
        catch (ArgumentException ex)
        {
            return new Attempt(startedAt, null, ex, null);
        }
        catch (AstroTriggersException ex) when (!ex.MayHaveBeenProcessed && ex is not AmbiguousStartException)
        {
            return new Attempt(startedAt, null, ex, null);
        }
        catch (AstroTriggersException ex)
        {
            return new Attempt(startedAt, null, null, ex);
        }
    }

    private async Task<(Reconciliation, TRun?)> ReconcileAsync(
        TRequest request, DateTimeOffset startedAt, ReconcileOptions options, CancellationToken cancellationToken)
    {
        if (reconcile is null)
        {
            return (Reconciliation.Unsupported, null);
        }

        if (options.SettleDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.SettleDelay, clock, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await reconcile(request, startedAt, options, cancellationToken).ConfigureAwait(false);
        }
        catch (AstroTriggersException)
        {
            // The lookup itself failed: it proves nothing either way.
            return (Reconciliation.Unknown, null);
        }
    }

    private sealed record Attempt(DateTimeOffset StartedAt, TRun? Run, Exception? Refusal, AstroTriggersException? Ambiguous);
}
