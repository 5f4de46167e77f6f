namespace Astro.Triggers.Sdk;

/// <summary>HTTP 404: the resource (namespace, job, run…) does not exist.</summary>
public class NotFoundException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public NotFoundException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
