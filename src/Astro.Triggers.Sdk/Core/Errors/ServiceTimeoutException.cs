using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk;

/// <summary>An attempt or the whole call ran past its timeout. Distinct from the caller's own cancellation,
/// which surfaces as a plain <see cref="OperationCanceledException"/>.</summary>
public class ServiceTimeoutException : ServiceTransportException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="operationId">The OpenAPI operationId of the call.</param>
    /// <param name="timeout">The timeout that expired.</param>
    /// <param name="mayHaveBeenProcessed">Whether the request may have reached the service.</param>
    /// <param name="innerException">The underlying cancellation.</param>
    public ServiceTimeoutException(
        string service, string operationId, TimeSpan timeout, bool mayHaveBeenProcessed, Exception? innerException)
        : base(service, operationId, $"no complete response within {HumanDuration.Format(timeout)}", mayHaveBeenProcessed, innerException)
    {
        Timeout = timeout;
    }

    internal ServiceTimeoutException(OperationInfo operation, TimeSpan timeout, bool mayHaveBeenProcessed, Exception? innerException)
        : this(operation.Service, operation.OperationId, timeout, mayHaveBeenProcessed, innerException)
    {
    }

    /// <summary>A timeout that says more than "no complete response" (e.g. that no connection was established).</summary>
    internal ServiceTimeoutException(OperationInfo operation, string message, TimeSpan timeout, bool mayHaveBeenProcessed, Exception? innerException)
        : base(operation, message, mayHaveBeenProcessed, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }
}
