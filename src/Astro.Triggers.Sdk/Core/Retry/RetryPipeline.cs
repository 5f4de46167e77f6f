using System.Runtime.CompilerServices;
using Astro.Triggers.Sdk.Core.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>The SDK's one retry layer (Polly v8) around a whole attempt — send and body read — so a safe call
/// retries a failure while its body is read exactly as one before the headers. Everything a decision needs (the
/// policy, the budget, the attempt count) comes from the call's <see cref="CallContext"/>, so one pipeline per
/// clock serves every client and every per-call override.</summary>
internal static class RetryPipeline
{
    private static readonly ResiliencePropertyKey<CallContext> CallKey = new("astro.call");
    private static readonly ResiliencePropertyKey<CancellationToken> CallerTokenKey = new("astro.caller-token");
    private static readonly ConditionalWeakTable<TimeProvider, ResiliencePipeline> Pipelines = [];

    /// <summary>Runs <paramref name="attempt"/> until it succeeds or <see cref="Decide"/> says stop; returns the last outcome.</summary>
    public static async ValueTask<Outcome<T>> ExecuteAsync<T, TState>(
        CallContext call,
        Func<ResilienceContext, TState, ValueTask<Outcome<T>>> attempt,
        TState state,
        CancellationToken callToken,
        CancellationToken callerToken)
    {
        var pipeline = Pipelines.GetValue(call.TimeProvider, Build);
        var context = ResilienceContextPool.Shared.Get(callToken);
        context.Properties.Set(CallKey, call);
        context.Properties.Set(CallerTokenKey, callerToken);
        try
        {
            return await pipeline.ExecuteOutcomeAsync(attempt, context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline Build(TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                // The call's own MaxAttempts decides (Decide); Polly's count is only an outer bound.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception
                    && Decide(exception, args.Context.Properties.GetValue(CallKey, null!), args.AttemptNumber, args.Context.Properties.GetValue(CallerTokenKey, default))),
                DelayGenerator = static args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(CallKey, null!).NextDelay),
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = static args => ValueTask.FromResult(args.Context.Properties.GetValue(CallKey, null!).Retry.AttemptTimeout),
            })
            .Build();

    /// <summary>Whether to try again, and after which wait. A wait is only started when it fits in what remains
    /// of the call: the smaller of its <c>Timeout</c> and <c>MaxElapsed</c>, and no longer than <c>MaxDelay</c>.
    /// A server's Retry-After that does not fit is not slept on: its 429/503 is thrown at once, with <c>RetryAfter</c>.</summary>
    internal static bool Decide(Exception exception, CallContext call, int attemptNumber, CancellationToken callerToken)
    {
        var options = call.Retry;
        if (call.Attempts >= options.MaxAttempts
            || !RetryDecision.ShouldRetry(exception, call.Operation.IsIdempotent, options, callerToken))
        {
            return false;
        }

        var remaining = call.Remaining;
        var serverDelay = (exception as Errors.ServiceRequestException)?.RetryAfter;
        if (serverDelay is { } hint && (hint > options.MaxDelay || hint > remaining))
        {
            return false;
        }

        var delay = serverDelay ?? Backoff(attemptNumber, options);
        if (delay > remaining)
        {
            return false;
        }

        call.NextDelay = delay;
        return true;
    }

    /// <summary>BaseDelay · 2^attempt, capped at MaxDelay; with jitter, a random point in [50%, 100%] of it.</summary>
    internal static TimeSpan Backoff(int attemptNumber, RetryOptions options)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        var jittered = options.UseJitter ? capped * (0.5 + (Random.Shared.NextDouble() * 0.5)) : capped;
        return TimeSpan.FromMilliseconds(jittered);
    }
}
