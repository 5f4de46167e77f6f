using Astro.Triggers.Sdk.Core.Http;
using Polly;
using Polly.Timeout;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>Whether an attempt's outcome may be retried. Idempotent requests retry by the options;
/// non-idempotent ones only when the service certainly did not act on them.</summary>
internal static class RetryDecision
{
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete
        || method == HttpMethod.Put || method == HttpMethod.Options;

    /// <summary>The operation's own flag (its spec may mark a POST such as "terminate" safe to repeat), else the method's.</summary>
    public static bool IsIdempotent(HttpRequestMessage request) =>
        CallContext.Of(request)?.Operation is { } operation ? operation.IsIdempotent : IsIdempotent(request.Method);

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool isIdempotent, RetryOptions options, CancellationToken callerToken)
    {
        var mayRepeatAmbiguous = isIdempotent || options.RetryUnsafeRequests;
        if (outcome.Exception is { } exception)
        {
            return exception switch
            {
                OperationCanceledException when callerToken.IsCancellationRequested => false,
                TimeoutRejectedException => mayRepeatAmbiguous,
                OperationCanceledException => false,
                HttpRequestException or IOException => CallRunner.NeverConnected(exception) || mayRepeatAmbiguous,
                _ => false,
            };
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        var retryable = options.RetryableStatusCodes.Contains(status) || (status == 500 && options.RetryInternalServerError);
        if (!retryable)
        {
            return false;
        }

        if (mayRepeatAmbiguous)
        {
            return true;
        }

        // The service says it did not act: rate limited, or unavailable with an explicit Retry-After.
        return status == 429 || (status == 503 && response.Headers.NonValidated.Contains("Retry-After"));
    }
}
