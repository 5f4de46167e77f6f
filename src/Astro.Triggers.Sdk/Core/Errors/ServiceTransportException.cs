using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk;

/// <summary>No usable HTTP response: DNS failure, refused or reset connection, a body cut off mid-way.</summary>
public class ServiceTransportException : AstroTriggersException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="operationId">The OpenAPI operationId of the call.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="mayHaveBeenProcessed">Whether the request may have reached (and been acted on by) the service.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ServiceTransportException(
        string service, string operationId, string message, bool mayHaveBeenProcessed, Exception? innerException)
        : base(BuildMessage(service, operationId, message, mayHaveBeenProcessed), innerException)
    {
        Service = service;
        OperationId = operationId;
        MayHaveBeenProcessed = mayHaveBeenProcessed;
    }

    internal ServiceTransportException(OperationInfo operation, string message, bool mayHaveBeenProcessed, Exception? innerException)
        : this(operation.Service, operation.OperationId, message, mayHaveBeenProcessed, innerException)
    {
    }

    /// <inheritdoc />
    public override string Service { get; }

    /// <inheritdoc />
    public override string OperationId { get; }

    /// <summary>Always 0: no response arrived.</summary>
    public override int Status => 0;

    /// <summary>False only when the request certainly never reached the service (e.g. the connection was
    /// refused); true means it may have, so a non-idempotent call may have been acted on.</summary>
    public override bool MayHaveBeenProcessed { get; }

    private static string BuildMessage(string service, string operationId, string message, bool mayHaveBeenProcessed) =>
        $"{service} {operationId}: {message}. " + (mayHaveBeenProcessed
            ? "The request may have reached the service."
            : "The request did not reach the service.");
}
