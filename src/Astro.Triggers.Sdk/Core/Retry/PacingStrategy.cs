using Astro.Triggers.Sdk.Core.Http;
using Polly;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>Waits for a slot of the client's rate-limit budget (<see cref="RateLimitPacer"/>) before each attempt.
/// It sits between the retry and the attempt-timeout strategies: the wait is inside the call's budget (Timeout and
/// MaxElapsed) but never counts against the per-attempt timeout. A wait that cannot fit in what remains of the call
/// ends it at once, before anything is sent, with <see cref="PacedRateLimitException"/> (a 429 that says the request
/// was not sent), so a create that was paced out is never reported as "may have been processed".</summary>
internal sealed class PacingStrategy(Func<ResilienceContext, CallContext> callOf) : ResilienceStrategy
{
    protected override ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        var call = callOf(context);
        // No headers seen yet (or pacing off): no state machine, no lock.
        if (call.Pacer is not { } pacer)
        {
            return callback(context, state);
        }

        if (!pacer.IsActive)
        {
            call.PacingTicket = pacer.Ticket();
            return callback(context, state);
        }

        return PaceThenRunAsync(pacer, call, callback, context, state);
    }

    private static async ValueTask<Outcome<TResult>> PaceThenRunAsync<TResult, TState>(
        RateLimitPacer pacer, CallContext call,
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        var token = context.CancellationToken;
        long ticket;
        while (!pacer.TryAcquire(out ticket, out var wait, out var changed, out var spent))
        {
            var remaining = call.Remaining;
            // The service said the window is spent until a moment the call cannot wait for: end now, nothing sent.
            // Held only by attempts in flight (or an unanswered probe), the call waits as long as its budget allows:
            // their answers may free a slot any moment.
            if ((spent && wait > remaining) || remaining <= TimeSpan.Zero)
            {
                return Outcome.FromException<TResult>(new PacedRateLimitException(call, wait));
            }

            try
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
                await Task.WhenAny(changed, Task.Delay(wait < remaining ? wait : remaining, call.TimeProvider, stop.Token)).ConfigureAwait(false);
                // The picture changed first: stop the timer rather than leave it pending.
                stop.Cancel();
                token.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (!call.CallerToken.IsCancellationRequested)
            {
                // The call's budget ran out while it queued: nothing was sent.
                return Outcome.FromException<TResult>(new PacedRateLimitException(call, wait));
            }
        }

        call.PacingTicket = ticket;
        return await callback(context, state).ConfigureAwait(false);
    }
}
