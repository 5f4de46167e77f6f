namespace Astro.Triggers.Sdk;

/// <summary>How an ambiguous start is reconciled: how far before the call the lookup reaches, and how long it waits
/// before looking.</summary>
public sealed class ReconcileOptions
{
    /// <summary>How much earlier than the call's start (on this machine's clock) a job or execution may be stamped by the
    /// service and still be the call's: the service's clock may run behind this machine's, and Agentset stamps
    /// <c>createdAt</c> to the millisecond. The lookup reads newest first and stops at the first item older than the
    /// call's start minus this. Larger is safer against clock drift and costs more reads when many jobs were created in
    /// that span (at Agentset's 60 creates a minute, 30 s is one page).</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait after the ambiguous failure before the lookup, on the client's <c>TimeProvider</c>: a
    /// request the service was still working on when the answer was lost (e.g. a timeout after sending) should have
    /// landed by then, so "not found" means "not created". A request the service holds longer than this could still
    /// land after a resend; keep it above the service's own request timeout where that matters more than latency.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(1);

    internal ReconcileOptions Validated(string name)
    {
        if (ClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(ClockSkew), ClockSkew, "The clock skew must be zero or more.");
        }

        if (SettleDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(SettleDelay), SettleDelay, "The settle delay must be zero or more.");
        }

        return this;
    }
}
