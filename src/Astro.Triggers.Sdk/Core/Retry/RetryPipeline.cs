using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Telemetry;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>The SDK's one retry layer around a whole attempt — send and body read — so a safe call retries a failure
/// while its body is read exactly as one before the headers. Three layers, outermost first: retry (waits from
/// <see cref="Backoff"/>, or the server's Retry-After when it sent one), pacing (<see cref="PacingStrategy"/>: inside
/// the call's budget, outside the attempt's) and the attempt timeout. Whether to retry at all, and whether a wait fits
/// in what remains of the call, comes from the call's <see cref="CallContext"/>.</summary>
/// <remarks>This was a Polly v8 pipeline (retry, pacing, timeout strategies) with the same layers and decisions. Polly
/// validates its strategy options through DataAnnotations when a pipeline is built and brings ~250 methods to compile,
/// which was a third of a short-lived process's first call (issue 30); every decision here was already the SDK's own
/// (<see cref="ShouldRetry(Exception, CallContext)"/>, <see cref="RetryDecision"/>), so the loop is too.</remarks>
internal static class RetryPipeline
{
    /// <summary>Runs <paramref name="attempt"/> (with the attempt's token) until it succeeds or a retry is refused;
    /// throws the last failure.</summary>
    public static async ValueTask<T> ExecuteAsync<T, TState>(
        CallContext call,
        Func<TState, CancellationToken, ValueTask<T>> attempt,
        TState state,
        CancellationToken callToken,
        CancellationToken callerToken)
    {
        call.CallerToken = callerToken;
        var backoff = default(Backoff);
        for (var retry = 0; ; retry++)
        {
            Exception failure;
            try
            {
                callToken.ThrowIfCancellationRequested();
                return await PacingStrategy.RunAsync(call, attempt, state, callToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ShouldRetry(ex, call) && !callToken.IsCancellationRequested)
            {
                failure = ex;
            }

            // The backoff's next term is drawn even when the server's hint replaces it, as Polly's DelayGenerator did.
            var delay = backoff.Next(call.Retry, retry);
            if ((failure as ServiceRequestException)?.RetryAfter is { } hint && hint >= TimeSpan.Zero)
            {
                delay = hint;
            }

            if (delay > call.SleepRoom)
            {
                // The backoff would end past the call's budget (or past the deadline of the run wait this read serves):
                // end with the last answer instead of sleeping into a timeout of our own making.
                ExceptionDispatchInfo.Throw(failure);
            }

            OperationLog.Retrying(call, failure, delay);
            call.Activity?.AddEvent(new ActivityEvent("astro.retry", tags: new ActivityTagsCollection
            {
                ["astro.attempt"] = call.Attempts,
                ["astro.retry.delay"] = delay.TotalSeconds,
                ["error.type"] = SdkTelemetry.ErrorType(failure),
            }));
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, call.TimeProvider, callToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt under <see cref="RetryOptions.AttemptTimeout"/>: its token is the call's, cancelled too when
    /// the attempt's time runs out, which ends the attempt with <see cref="AttemptTimeoutException"/>.</summary>
    internal static async ValueTask<T> AttemptAsync<T, TState>(
        CallContext call, Func<TState, CancellationToken, ValueTask<T>> attempt, TState state, CancellationToken callToken)
    {
        callToken.ThrowIfCancellationRequested();
        var timeout = call.Retry.AttemptTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            return await attempt(state, callToken).ConfigureAwait(false);
        }

        var source = CallCancellation.Rent(call.TimeProvider, timeout, callToken, out var link);
        try
        {
            return await attempt(state, source.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (source.IsCancellationRequested && !callToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException(timeout, ex);
        }
        finally
        {
            CallCancellation.Return(call.TimeProvider, source, link);
        }
    }

    /// <summary>Whether to try again. A server's Retry-After is only waited when it fits in what remains of the call
    /// (the smaller of its <c>Timeout</c> and <c>MaxElapsed</c>, and, for a run wait's read, the time left until the
    /// wait's deadline: <see cref="CallContext.SleepRoom"/>) and in <c>MaxDelay</c>; otherwise its 429/503 is thrown at
    /// once, with <c>RetryAfter</c> set.</summary>
    internal static bool ShouldRetry(Exception exception, CallContext call) => ShouldRetry(exception, call, call.CallerToken);

    internal static bool ShouldRetry(Exception exception, CallContext call, CancellationToken callerToken)
    {
        var options = call.Retry;
        // The client's own pacing found no room in the call's budget: nothing was sent, and nothing would fit.
        if (exception is PacedRateLimitException
            || call.Attempts >= options.MaxAttempts
            || !RetryDecision.ShouldRetry(exception, call.Operation.IsIdempotent, options, callerToken))
        {
            return false;
        }

        return (exception as ServiceRequestException)?.RetryAfter is not { } hint
            || (hint <= options.MaxDelay && hint <= call.SleepRoom);
    }
}
