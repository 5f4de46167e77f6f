namespace Astro.Triggers.Sdk;

/// <summary>HTTP 409: the request conflicts with the current state of the resource.</summary>
public class ConflictException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public ConflictException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
