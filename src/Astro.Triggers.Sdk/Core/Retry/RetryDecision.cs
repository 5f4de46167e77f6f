using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Errors;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>Whether an attempt's failure may be retried. Idempotent operations (the spec's method, or its
/// <c>x-astro-idempotent</c>) retry by the options; others only when the service certainly did not act.</summary>
internal static class RetryDecision
{
    /// <summary>Whether a failed attempt may be repeated: by the options for idempotent calls (or with
    /// <c>RetryUnsafeRequests</c>); otherwise only when the service certainly did not act on it.</summary>
    public static bool ShouldRetry(Exception exception, bool isIdempotent, RetryOptions options, CancellationToken callerToken)
    {
        var mayRepeatAmbiguous = isIdempotent || options.RetryUnsafeRequests;
        return exception switch
        {
            OperationCanceledException when callerToken.IsCancellationRequested => false,
            AttemptTimeoutException => mayRepeatAmbiguous,
            OperationCanceledException => false,
            ServiceRequestException answered => IsRetryableStatus(answered.Status, options)
                // The service says it did not act: rate limited, or unavailable with an explicit Retry-After.
                && (mayRepeatAmbiguous || answered.Status == 429 || (answered.Status == 503 && answered.RetryAfter is not null)),
            // Failed while the body was read (the headers had arrived): the service got the request. Or nothing of the
            // request was written (CallRunner.NeverSent: connect, TLS, connect timeout): MayHaveBeenProcessed is false.
            ServiceTransportException inBody => mayRepeatAmbiguous || !inBody.MayHaveBeenProcessed,
            HttpRequestException or IOException => CallRunner.NeverConnected(exception) || mayRepeatAmbiguous,
            // An unreadable, oversized or malformed success body reads the same the next time.
            _ => false,
        };
    }

    private static bool IsRetryableStatus(int status, RetryOptions options) =>
        options.RetryableStatusCodes.Contains(status) || (status == 500 && options.RetryInternalServerError);
}
