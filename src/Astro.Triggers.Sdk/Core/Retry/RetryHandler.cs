using Astro.Triggers.Sdk.Core.Http;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>The SDK's one retry layer (Polly v8): retries by <see cref="RetryDecision"/>, waits the
/// server's Retry-After or a capped exponential backoff, never past the call's budget, per-attempt timeout
/// inside. All waiting goes through the TimeProvider.</summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("astro.request");
    private static readonly ResiliencePropertyKey<TimeSpan> NextDelayKey = new("astro.next-delay");
    private static readonly ResiliencePropertyKey<long> StartedKey = new("astro.started");
    private static readonly ResiliencePropertyKey<CancellationToken> CallerTokenKey = new("astro.caller-token");

    private readonly RetryOptions _defaults;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> _defaultPipeline;

    public RetryHandler(RetryOptions defaults, TimeProvider timeProvider)
    {
        _defaults = defaults;
        _timeProvider = timeProvider;
        _defaultPipeline = Build(defaults);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = CallContext.Of(request);
        var options = call?.Retry ?? _defaults;
        // Built once per client; a per-call override builds its own (rare, and cheap next to a request).
        var pipeline = ReferenceEquals(options, _defaults) ? _defaultPipeline : Build(options);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(StartedKey, _timeProvider.GetTimestamp());
        context.Properties.Set(CallerTokenKey, cancellationToken);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        CallContext.Of(state.request)?.NextAttempt();
                        var response = await state.handler.SendOnceAsync(state.request, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (handler: this, request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private ResiliencePipeline<HttpResponseMessage> Build(RetryOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(Decide(args.Outcome, args.Context, args.AttemptNumber, options)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Context.Properties.TryGetValue(NextDelayKey, out var delay) ? delay : TimeSpan.Zero),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    private bool Decide(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attemptNumber, RetryOptions options)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        var callerToken = context.Properties.GetValue(CallerTokenKey, default);
        if (!RetryDecision.ShouldRetry(outcome, RetryDecision.IsIdempotent(request), options, callerToken))
        {
            NoteRetryAfter(outcome.Result);
            return false;
        }

        var serverDelay = outcome.Result is { } response
            ? RetryAfterParser.Parse(response.Headers, _timeProvider.GetUtcNow())
            : null;
        var elapsed = _timeProvider.GetElapsedTime(context.Properties.GetValue(StartedKey, 0));
        var remaining = options.MaxElapsed - elapsed;
        if (serverDelay is { } hint && (hint > options.MaxDelay || hint > remaining))
        {
            // Not slept on: the typed 429/503 is thrown with RetryAfter set, so the caller decides.
            NoteRetryAfter(outcome.Result);
            return false;
        }

        var delay = serverDelay ?? Backoff(attemptNumber, options);
        if (delay > remaining)
        {
            return false;
        }

        context.Properties.Set(NextDelayKey, delay);
        return true;
    }

    private void NoteRetryAfter(HttpResponseMessage? response)
    {
        if (response is not null && RetryAfterParser.Parse(response.Headers, _timeProvider.GetUtcNow()) is { } retryAfter)
        {
            RetryAfterNote.Set(response, retryAfter);
        }
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
