using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>Waits for a slot of the client's rate-limit budget (<see cref="RateLimitPacer"/>) before each attempt.
/// It sits between the retry loop and the attempt timeout (<see cref="RetryPipeline"/>): the wait is inside the call's
/// budget (Timeout and MaxElapsed) but never counts against the per-attempt timeout. A wait that cannot fit in what
/// remains of the call ends it at once, before anything is sent, with <see cref="PacedRateLimitException"/> (a 429 that
/// says the request was not sent), so a create that was paced out is never reported as "may have been processed".
/// A run wait's read waits no further than the wait's deadline either (<see cref="CallContext.SleepRoom"/>): the wait
/// keeps its timeout to the letter, so a reset past it ends the read there, unsent, as one past the call's budget does.</summary>
internal static class PacingStrategy
{
    /// <summary>Paces, then runs the attempt under its timeout (<see cref="RetryPipeline.AttemptAsync"/>).</summary>
    public static ValueTask<T> RunAsync<T, TState>(
        CallContext call, Func<TState, CancellationToken, ValueTask<T>> attempt, TState state, CancellationToken token)
    {
        // No headers seen yet (or pacing off): no state machine, no lock.
        if (call.Pacer is not { } budget)
        {
            return RetryPipeline.AttemptAsync(call, attempt, state, token);
        }

        // Another budget (shared across processes): asked before every attempt, asynchronously.
        if (budget is not RateLimitPacer pacer)
        {
            return TakeThenRunAsync(budget, call, attempt, state, token);
        }

        if (!pacer.IsActive)
        {
            call.PacingTicket = pacer.Ticket();
            return RetryPipeline.AttemptAsync(call, attempt, state, token);
        }

        return PaceThenRunAsync(pacer, call, attempt, state, token);
    }

    private static async ValueTask<T> PaceThenRunAsync<T, TState>(
        RateLimitPacer pacer, CallContext call, Func<TState, CancellationToken, ValueTask<T>> attempt, TState state, CancellationToken token)
    {
        long ticket;
        PacingDecision decision;
        while ((decision = Decide(pacer, call.SleepRoom, out ticket, out var wait, out var sleep, out var changed)) != PacingDecision.Go)
        {
            if (decision == PacingDecision.Paced)
            {
                throw new PacedRateLimitException(call, wait);
            }

            try
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
                await Task.WhenAny(changed, Task.Delay(sleep, call.TimeProvider, stop.Token)).ConfigureAwait(false);
                // The picture changed first: stop the timer rather than leave it pending.
                stop.Cancel();
                token.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (!call.CallerToken.IsCancellationRequested)
            {
                // The call's budget ran out while it queued: nothing was sent.
                throw new PacedRateLimitException(call, wait);
            }
        }

        call.PacingTicket = ticket;
        return await RetryPipeline.AttemptAsync(call, attempt, state, token).ConfigureAwait(false);
    }

    private static async ValueTask<T> TakeThenRunAsync<T, TState>(
        RateLimitBudget budget, CallContext call, Func<TState, CancellationToken, ValueTask<T>> attempt, TState state, CancellationToken token)
    {
        while (true)
        {
            RateLimitTake take;
            try
            {
                take = await budget.TakeAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!call.CallerToken.IsCancellationRequested)
            {
                throw new PacedRateLimitException(call, TimeSpan.Zero);
            }

            var decision = Decide(take, call.SleepRoom, out var sleep);
            if (decision == PacingDecision.Go)
            {
                call.PacingTicket = take.Ticket;
                return await RetryPipeline.AttemptAsync(call, attempt, state, token).ConfigureAwait(false);
            }

            if (decision == PacingDecision.Paced)
            {
                throw new PacedRateLimitException(call, take.Wait);
            }

            try
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
                var delay = Task.Delay(sleep, call.TimeProvider, stop.Token);
                await (take.Changed is { } changed ? Task.WhenAny(changed, delay) : delay).ConfigureAwait(false);
                stop.Cancel();
                token.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (!call.CallerToken.IsCancellationRequested)
            {
                throw new PacedRateLimitException(call, take.Wait);
            }
        }
    }

    /// <summary>The decision for any budget's answer (<see cref="RateLimitBudget.TakeAsync"/>), by the same rule as
    /// the in-process one.</summary>
    internal static PacingDecision Decide(RateLimitTake take, TimeSpan remaining, out TimeSpan sleep)
    {
        sleep = TimeSpan.Zero;
        if (take.Granted)
        {
            return PacingDecision.Go;
        }

        if ((take.Spent && take.Wait > remaining) || remaining <= TimeSpan.Zero)
        {
            return PacingDecision.Paced;
        }

        sleep = take.Wait < remaining ? take.Wait : remaining;
        return PacingDecision.Wait;
    }

    /// <summary>One acquire's decision with <paramref name="remaining"/> left of the call's budget (conformance rule
    /// <c>rate-limit-pacing</c>).</summary>
    /// <param name="pacer">The client's pacer.</param>
    /// <param name="remaining">What is left of the call's budget.</param>
    /// <param name="ticket">When <see cref="PacingDecision.Go"/>: the attempt's ticket.</param>
    /// <param name="wait">When refused: the pacer's wait (until the reset, or the probe grace).</param>
    /// <param name="sleep">When <see cref="PacingDecision.Wait"/>: the wait capped by <paramref name="remaining"/>.</param>
    /// <param name="changed">When refused: completes when an answer arrives or an attempt ends.</param>
    /// <returns>Go now, wait (at most <paramref name="sleep"/>, or until <paramref name="changed"/>), or end the call as paced.</returns>
    internal static PacingDecision Decide(RateLimitPacer pacer, TimeSpan remaining, out long ticket, out TimeSpan wait, out TimeSpan sleep, out Task changed)
    {
        sleep = TimeSpan.Zero;
        if (pacer.TryAcquire(out ticket, out wait, out changed, out var spent))
        {
            return PacingDecision.Go;
        }

        // The service said the window is spent until a moment the call cannot wait for: end now, nothing sent.
        // Held only by attempts in flight (or an unanswered probe), the call waits as long as its budget allows:
        // their answers may free a slot any moment.
        if ((spent && wait > remaining) || remaining <= TimeSpan.Zero)
        {
            return PacingDecision.Paced;
        }

        sleep = wait < remaining ? wait : remaining;
        return PacingDecision.Wait;
    }
}

/// <summary>What an acquire decides (<c>PacingStrategy.Decide</c>).</summary>
internal enum PacingDecision
{
    /// <summary>Send now.</summary>
    Go,

    /// <summary>Wait, then ask again.</summary>
    Wait,

    /// <summary>End the call before anything is sent (<see cref="PacedRateLimitException"/>).</summary>
    Paced,
}
