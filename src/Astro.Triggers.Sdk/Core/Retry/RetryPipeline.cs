using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Telemetry;
using Astro.Triggers.Sdk.Core.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>The SDK's one retry layer (Polly v8) around a whole attempt — send and body read — so a safe call
/// retries a failure while its body is read exactly as one before the headers. Polly's own exponential backoff
/// with jitter computes the waits (<c>Delay</c>, <c>MaxDelay</c>, <c>UseJitter</c> from <see cref="RetryOptions"/>);
/// <c>DelayGenerator</c> only supplies a server's Retry-After, parsed once on the client's clock. Whether to retry
/// at all, and whether a wait fits in what remains of the call, comes from the call's <see cref="CallContext"/>.</summary>
internal static class RetryPipeline
{
    private static readonly ResiliencePropertyKey<CallContext> CallKey = new("astro.call");

    // One pipeline per backoff shape and clock: the values Polly's options fix at build time.
    private static readonly ConcurrentDictionary<(TimeSpan Delay, TimeSpan MaxDelay, bool Jitter, TimeProvider Clock), ResiliencePipeline> Pipelines = new();

    /// <summary>Runs <paramref name="attempt"/> until it succeeds or a retry is refused; returns the last outcome.</summary>
    public static async ValueTask<Outcome<T>> ExecuteAsync<T, TState>(
        CallContext call,
        Func<ResilienceContext, TState, ValueTask<Outcome<T>>> attempt,
        TState state,
        CancellationToken callToken,
        CancellationToken callerToken)
    {
        var options = call.Retry;
        var pipeline = Pipelines.GetOrAdd((options.BaseDelay, options.MaxDelay, options.UseJitter, call.TimeProvider), Build);
        var context = ResilienceContextPool.Shared.Get(callToken);
        context.Properties.Set(CallKey, call);
        // On the call, not in Polly's property bag: a CancellationToken there is boxed on every call.
        call.CallerToken = callerToken;
        try
        {
            return await pipeline.ExecuteOutcomeAsync(attempt, context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static CallContext CallOf(ResilienceContext context) => context.Properties.GetValue(CallKey, null!);

    private static ResiliencePipeline Build((TimeSpan Delay, TimeSpan MaxDelay, bool Jitter, TimeProvider Clock) shape) =>
        new ResiliencePipelineBuilder { TimeProvider = shape.Clock }
            .AddRetry(new RetryStrategyOptions
            {
                BackoffType = DelayBackoffType.Exponential,
                Delay = shape.Delay,
                MaxDelay = shape.MaxDelay,
                UseJitter = shape.Jitter,
                // The call's own MaxAttempts decides (ShouldRetry); Polly's count is only an outer bound.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                    && ShouldRetry(exception, CallOf(args.Context))),
                // Only the server's wait; null lets Polly compute its backoff.
                DelayGenerator = static args => ValueTask.FromResult((args.Outcome.Exception as ServiceRequestException)?.RetryAfter),
                OnRetry = static args =>
                {
                    var call = args.Context.Properties.GetValue(CallKey, null!);
                    if (args.RetryDelay > call.Remaining)
                    {
                        // Polly's backoff would end past the call's budget: end with the last answer instead of
                        // sleeping into a timeout of our own making.
                        ExceptionDispatchInfo.Throw(args.Outcome.Exception!);
                    }

                    OperationLog.Retrying(call, args.Outcome.Exception!, args.RetryDelay);
                    call.Activity?.AddEvent(new System.Diagnostics.ActivityEvent("astro.retry", tags: new System.Diagnostics.ActivityTagsCollection
                    {
                        ["astro.attempt"] = call.Attempts,
                        ["astro.retry.delay"] = args.RetryDelay.TotalSeconds,
                        ["error.type"] = SdkTelemetry.ErrorType(args.Outcome.Exception!),
                    }));
                    return default;
                },
            })
            // Between retry and attempt timeout: a pacing wait is inside the call's budget, outside the attempt's.
            .AddStrategy(static _ => new PacingStrategy(CallOf))
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = static args => ValueTask.FromResult(args.Context.Properties.GetValue(CallKey, null!).Retry.AttemptTimeout),
            })
            .Build();

    /// <summary>Whether to try again. A server's Retry-After is only waited when it fits in what remains of the call
    /// (the smaller of its <c>Timeout</c> and <c>MaxElapsed</c>) and in <c>MaxDelay</c>; otherwise its 429/503 is
    /// thrown at once, with <c>RetryAfter</c> set.</summary>
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
            || (hint <= options.MaxDelay && hint <= call.Remaining);
    }
}
