namespace Astro.Triggers.Sdk;

/// <summary>HTTP 403: the credentials may not do this, or a plan limit was reached (ErrorCode tells which).</summary>
public class ForbiddenException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public ForbiddenException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
