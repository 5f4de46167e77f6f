namespace Astro.Triggers.Sdk.Core.Errors;

/// <summary>HTTP 422: the request was well-formed but semantically invalid.</summary>
public class UnprocessableEntityException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public UnprocessableEntityException(ServiceErrorInfo info)
        : base(info)
    {
    }
}
