namespace Astro.Triggers.Sdk;

/// <summary>HTTP 402: the account's billing does not allow the call (Astropod's BILLING_SUSPENDED).
/// <see cref="ServiceRequestException.SuggestedAction"/> carries the service's hint (add_card, update_card, contact_support).</summary>
public class PaymentRequiredException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public PaymentRequiredException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
