namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>Static facts about one generated operation, used by errors, retries and telemetry.</summary>
internal sealed class OperationInfo(string service, string operationId, string method, bool isIdempotent)
{
    /// <summary>The service name, e.g. "Agentset".</summary>
    public string Service { get; } = service;

    /// <summary>The operation's span name, e.g. "Agentset.createIngestJob" (built once, not per call).</summary>
    public string SpanName { get; } = service + "." + operationId;

    /// <summary>The OpenAPI operationId, e.g. "createIngestJob".</summary>
    public string OperationId { get; } = operationId;

    /// <summary>The HTTP method in upper case.</summary>
    public string Method { get; } = method;

    /// <summary>Whether repeating the request cannot cause a second side effect (GET, DELETE…).</summary>
    public bool IsIdempotent { get; } = isIdempotent;

    /// <inheritdoc />
    public override string ToString() => $"{Service} {OperationId}";
}
