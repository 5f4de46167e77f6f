namespace Astro.Triggers.Sdk;

/// <summary>HTTP 410: the resource is gone for good (Agentset's invite_expired).</summary>
public class GoneException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public GoneException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
