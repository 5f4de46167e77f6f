using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk;

/// <summary>No usable HTTP response: DNS failure, refused or reset connection, a body cut off mid-way.</summary>
public class ServiceTransportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="operationId">The OpenAPI operationId of the call.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="mayHaveReachedServer">Whether the request may have reached the service.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ServiceTransportException(
        string service, string operationId, string message, bool mayHaveReachedServer, Exception? innerException)
        : base(BuildMessage(service, operationId, message, mayHaveReachedServer), innerException)
    {
        Service = service;
        OperationId = operationId;
        MayHaveReachedServer = mayHaveReachedServer;
    }

    internal ServiceTransportException(OperationInfo operation, string message, bool mayHaveReachedServer, Exception? innerException)
        : this(operation.Service, operation.OperationId, message, mayHaveReachedServer, innerException)
    {
    }

    /// <summary>The service called.</summary>
    public string Service { get; }

    /// <summary>The OpenAPI operationId of the call.</summary>
    public string OperationId { get; }

    /// <summary>False only when the request certainly never reached the service (e.g. the connection was
    /// refused); true means a non-idempotent call may have been acted on.</summary>
    public bool MayHaveReachedServer { get; }

    private static string BuildMessage(string service, string operationId, string message, bool mayHaveReachedServer) =>
        $"{service} {operationId}: {message}. " + (mayHaveReachedServer
            ? "The request may have reached the service."
            : "The request did not reach the service.");
}
