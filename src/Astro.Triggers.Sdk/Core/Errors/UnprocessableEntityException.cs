namespace Astro.Triggers.Sdk;

/// <summary>HTTP 422: the request was well-formed but semantically invalid.</summary>
public class UnprocessableEntityException : ServiceRequestException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public UnprocessableEntityException(ServiceErrorInfo info)
        : base(info)
    {
    }

    /// <summary>What the service said was wrong, one entry per rule broken (location, message, type); empty when
    /// the body did not list them.</summary>
    public IReadOnlyList<ValidationIssue> ValidationIssues => Info.ValidationIssues;
}
