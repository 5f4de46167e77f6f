using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk;

/// <summary>A success body was larger than the client's <c>MaxResponseBytes</c>; it was refused, not buffered.
/// The service did act on the request.</summary>
public class ResponseTooLargeException : ResponseDeserializationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="operationId">The OpenAPI operationId.</param>
    /// <param name="status">The HTTP status of the response.</param>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="declaredLength">The Content-Length the service declared, when it did.</param>
    public ResponseTooLargeException(string service, string operationId, int status, long limit, long? declaredLength)
        : base(service, operationId, status, Describe(limit, declaredLength), innerException: null)
    {
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    internal ResponseTooLargeException(OperationInfo operation, int status, long limit, long? declaredLength)
        : this(operation.Service, operation.OperationId, status, limit, declaredLength)
    {
    }

    /// <summary>The limit in bytes (<c>ServiceClientOptions.MaxResponseBytes</c>).</summary>
    public long Limit { get; }

    /// <summary>The Content-Length the service declared, or null for a body without one (refused once the count passed the limit).</summary>
    public long? DeclaredLength { get; }

    private static string Describe(long limit, long? declaredLength) => declaredLength is { } length
        ? $"the body is {length} bytes, above the {limit}-byte limit (MaxResponseBytes); it was not read"
        : $"the body passed the {limit}-byte limit (MaxResponseBytes) and was not read further";
}
