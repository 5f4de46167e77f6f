using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk;

/// <summary>The service answered with success but the body could not be read as the documented model
/// (empty, truncated, not JSON, wrong shape).</summary>
public class ResponseDeserializationException : AstroTriggersException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service called.</param>
    /// <param name="operationId">The OpenAPI operationId whose response could not be read.</param>
    /// <param name="status">The HTTP status of the response.</param>
    /// <param name="detail">What was wrong with the body.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public ResponseDeserializationException(string service, string operationId, int status, string detail, Exception? innerException)
        : base($"{service} {operationId} answered HTTP {status} with a body that is not the documented model: {detail}", innerException)
    {
        Service = service;
        OperationId = operationId;
        Status = status;
        JsonPath = (innerException as System.Text.Json.JsonException)?.Path;
    }

    internal ResponseDeserializationException(OperationInfo operation, int status, string detail, Exception? innerException)
        : this(operation.Service, operation.OperationId, status, detail, innerException)
    {
    }

    /// <inheritdoc />
    public override string Service { get; }

    /// <summary>The OpenAPI operationId whose response could not be read.</summary>
    public override string OperationId { get; }

    /// <summary>The HTTP status of the (success) response.</summary>
    public override int Status { get; }

    /// <summary>Always true: the service answered with success, so it acted on the request; only its answer is lost.</summary>
    public override bool MayHaveBeenProcessed => true;

    /// <summary>Where in the body reading stopped, as a JSON path (<c>$.data.createdAt</c>), when the parser said;
    /// for a required field that is missing it is the object that lacks it, and the message names the field.</summary>
    public string? JsonPath { get; }
}
