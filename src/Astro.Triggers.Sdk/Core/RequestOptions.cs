namespace Astro.Triggers.Sdk;

/// <summary>Per-call settings that override the client's for one call. Services with a tenant or namespace have
/// their own subclass that adds it (<c>AgentsetRequestOptions</c>, <c>MixpeekRequestOptions</c>), so a scope a
/// service does not have cannot be set.</summary>
public class RequestOptions
{
    /// <summary>The retry policy for this call, like the vendor SDKs' per-call retry config.</summary>
    /// <value>The default value is <see langword="null"/>: the client's <see cref="RetryOptions"/>.</value>
    public RetryOptions? Retry { get; set; }

    /// <summary>The overall time budget of this call, all attempts and waits included.</summary>
    /// <value>The default value is <see langword="null"/>: the client's timeout.</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Called with the status, headers, request id and rate-limit headers of every successful response this
    /// call reads (each page of a list, each status read of a run followed with these options), before its body is
    /// read. For users who need what Azure's <c>Response&lt;T&gt;</c> or Stripe's <c>StripeResponse</c> carry, without a
    /// wrapper type on every call; header values that hold the client's secrets are masked.</summary>
    /// <value>The default value is <see langword="null"/>: nothing is built.</value>
    public Action<ResponseInfo>? OnResponse { get; set; }
}
