using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>How the SDK retries. A request that may have started a job is never repeated unless
/// <see cref="RetryUnsafeRequests"/> says so.</summary>
public sealed class RetryOptions
{
    /// <summary>Attempts in all, the first included; 1 turns retries off.</summary>
    /// <value>The default value is 4.</value>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff delay; each retry doubles it, with jitter.</summary>
    /// <value>The default value is 500 milliseconds.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait, for backoff and for a server's Retry-After. A Retry-After beyond it is
    /// not slept on: the 429/503 is thrown with <c>RetryAfter</c> set.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The budget for all attempts and waits; no wait is started that would end past it.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan MaxElapsed { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The time one attempt may take before it is abandoned as timed out.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Statuses that are retried.</summary>
    /// <value>The default value is 408, 429, 502, 503 and 504.</value>
    public ISet<int> RetryableStatusCodes { get; init; } = new HashSet<int> { 408, 429, 502, 503, 504 };

    /// <summary>Whether 500 is retried too (idempotent calls, or all calls with <see cref="RetryUnsafeRequests"/>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RetryInternalServerError { get; set; }

    /// <summary>Whether non-idempotent calls (create, trigger, re-ingest) are retried on ambiguous failures too
    /// (timeouts after sending, resets, 5xx). Off by default: such a retry can start a job twice.
    /// Without it they are retried only when the service certainly did not act: connection never
    /// established, 429, or 503 with Retry-After.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RetryUnsafeRequests { get; set; }

    /// <summary>Whether backoff delays get random jitter (spreads retries from many clients).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>No retries at all.</summary>
    public static RetryOptions None => new() { MaxAttempts = 1 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        Guard.InRange(MaxAttempts, 1, 20);
        Guard.Positive(BaseDelay);
        Guard.Positive(MaxDelay);
        Guard.Positive(MaxElapsed);
        Guard.Positive(AttemptTimeout);
        Guard.NotNull(RetryableStatusCodes);
    }
}
