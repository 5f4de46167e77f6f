namespace Astro.Triggers.Sdk;

/// <summary>HTTP 400: the service rejected the request as malformed (for Agentset also an invalid tenant id or a key sent without "Bearer ").</summary>
public class BadRequestException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public BadRequestException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
