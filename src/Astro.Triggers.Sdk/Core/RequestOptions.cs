using Astro.Triggers.Sdk.Core.Retry;

namespace Astro.Triggers.Sdk;

/// <summary>Per-call settings that override the client's for one call.</summary>
public class RequestOptions
{
    /// <summary>The tenant to scope this call to, instead of the client's.</summary>
    /// <value>The default value is <see langword="null"/>: the client's tenant, if any.</value>
    public string? TenantId { get; set; }

    /// <summary>The retry policy for this call, like the vendor SDKs' per-call retry config.</summary>
    /// <value>The default value is <see langword="null"/>: the client's <see cref="RetryOptions"/>.</value>
    public RetryOptions? Retry { get; set; }

    /// <summary>The overall time budget of this call, all attempts and waits included.</summary>
    /// <value>The default value is <see langword="null"/>: the client's timeout.</value>
    public TimeSpan? Timeout { get; set; }
}
