using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Agentset;

/// <summary>Settings of an <see cref="AgentsetFake"/>.</summary>
public sealed class AgentsetFakeOptions : FakeServiceOptions
{
    /// <summary>The namespace the fake serves (more with <see cref="AgentsetFake.AddNamespace"/>). Default <c>ns_fake</c>.</summary>
    public string NamespaceId { get; set; } = "ns_fake";

    /// <summary>How long a new or re-ingested job stays queued. Default 1 s.</summary>
    public TimeSpan QueuedTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a job pre-processes. Default 500 ms.</summary>
    public TimeSpan PreProcessingTime { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a job processes before it completes (or fails). Default 2 s.</summary>
    public TimeSpan ProcessingTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a deleted job is visible (QUEUED_FOR_DELETE, then DELETING) before it is gone. Default 1 s.</summary>
    public TimeSpan DeletionTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The requests per <see cref="RateLimitWindow"/> reported in <c>X-RateLimit-Limit</c> (and, with
    /// <see cref="EnforceRateLimit"/>, allowed). Default 60.</summary>
    public int RateLimit { get; set; } = 60;

    /// <summary>Makes the fake limit like the service: a sliding window of <see cref="RateLimitWindow"/> per organisation
    /// (per fake) admits <see cref="RateLimit"/> requests; every authenticated answer carries <c>X-RateLimit-Limit</c>,
    /// <c>X-RateLimit-Remaining</c> (after this request) and <c>X-RateLimit-Reset</c> (Unix milliseconds: when the oldest
    /// request in the window leaves it, freeing one slot); a request over the limit is answered 429
    /// <c>rate_limit_exceeded</c> with <c>Retry-After</c> = that reset moment in Unix milliseconds, and is not counted.
    /// Default <see langword="false"/>: nothing is counted or refused, and no rate-limit headers are sent (a fake that
    /// counts nothing has no honest budget to report; an injected <c>Faults.RateLimit</c> still answers 429 with
    /// <c>Retry-After</c>, <c>X-RateLimit-Remaining: 0</c> and an <c>X-RateLimit-Reset</c> that agrees with it).</summary>
    public bool EnforceRateLimit { get; set; }

    /// <summary>The sliding window of <see cref="EnforceRateLimit"/>. Default 1 minute (the service's); a shorter one
    /// keeps a test's or benchmark's rate (<see cref="RateLimit"/> / window) while running faster.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
