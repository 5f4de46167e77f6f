namespace Astro.Triggers.Sdk;

/// <summary>HTTP 429: too many requests. RetryAfter says how long the service asked to wait; the SDK throws this when retries are exhausted or the wait exceeds the configured cap.</summary>
public class RateLimitExceededException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public RateLimitExceededException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
