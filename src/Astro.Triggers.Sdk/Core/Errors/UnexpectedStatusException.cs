namespace Astro.Triggers.Sdk;

/// <summary>Any other 4xx or 5xx status (e.g. 402, 502, 503, 504); Status tells which.</summary>
public class UnexpectedStatusException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public UnexpectedStatusException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
