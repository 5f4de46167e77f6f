namespace Astro.Triggers.Sdk;

/// <summary>HTTP 401: the credentials are missing or wrong.</summary>
public class UnauthorizedException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public UnauthorizedException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
