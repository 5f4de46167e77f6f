namespace Astro.Triggers.Sdk;

/// <summary>HTTP 500: the service failed. For a non-idempotent call MayHaveBeenProcessed is true: check before repeating it.</summary>
public class InternalServerErrorException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public InternalServerErrorException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
