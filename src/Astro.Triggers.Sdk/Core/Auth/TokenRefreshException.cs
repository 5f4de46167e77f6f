namespace Astro.Triggers.Sdk;

/// <summary>The service rejected the credential (401) and the <see cref="TokenProvider"/> failed to refresh it. Every
/// call that was waiting on that one refresh gets its own instance of this exception;
/// <see cref="Exception.InnerException"/> is what the provider threw. The request was not repeated, and the service
/// did not act on it (it answered 401).</summary>
public class TokenRefreshException : AstroTriggersException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">What the token provider threw.</param>
    public TokenRefreshException(string message, Exception innerException)
        : this(string.Empty, string.Empty, message, innerException)
    {
    }

    /// <summary>Creates the exception for one call.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="operationId">The call that met the 401.</param>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">What the token provider threw.</param>
    public TokenRefreshException(string service, string operationId, string message, Exception innerException)
        : base(message, innerException)
    {
        Service = service ?? string.Empty;
        OperationId = operationId ?? string.Empty;
    }

    /// <inheritdoc />
    public override string Service { get; }

    /// <inheritdoc />
    public override string OperationId { get; }

    /// <summary>401: the answer that asked for the refresh.</summary>
    public override int Status => 401;

    /// <summary>Always false: the service refused the request with 401.</summary>
    public override bool MayHaveBeenProcessed => false;
}
