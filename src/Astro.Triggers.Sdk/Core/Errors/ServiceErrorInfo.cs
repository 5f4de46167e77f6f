namespace Astro.Triggers.Sdk;

/// <summary>Everything known about a failed call. Exceptions carry one; tests can build one to construct
/// any exception of the hierarchy.</summary>
public sealed record ServiceErrorInfo
{
    /// <summary>The service that answered, e.g. "Agentset".</summary>
    public string Service { get; init; } = string.Empty;

    /// <summary>The OpenAPI operationId of the call, e.g. "createIngestJob".</summary>
    public string OperationId { get; init; } = string.Empty;

    /// <summary>The HTTP status of the error answer (400–599); an info always comes from a response.</summary>
    public int Status { get; init; }

    /// <summary>The service's own error code (e.g. "rate_limit_exceeded"), when the body had one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The service's own error message, when the body had one.</summary>
    public string? ServiceMessage { get; init; }

    /// <summary>A link to the service's documentation of this error, when the body had one.</summary>
    public string? DocumentationUrl { get; init; }

    /// <summary>The service's explanation of the cause, when the body gave one apart from the message (Astropod's "reason").</summary>
    public string? Reason { get; init; }

    /// <summary>What the service suggests the user do, when it said (Astropod's "action": add_card, update_card, contact_support).</summary>
    public string? SuggestedAction { get; init; }

    /// <summary>The entries of a validation error list (FastAPI's 422 <c>detail</c>), in the service's order;
    /// empty when the body had none.</summary>
    public IReadOnlyList<ValidationIssue> ValidationIssues { get; init; } = [];

    /// <summary>The request id from the body or a request-id header, for support tickets.</summary>
    public string? RequestId { get; init; }

    /// <summary>The HTTP method of the request.</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>The request URI with secret query values and user info replaced by "***".</summary>
    public string? RequestUri { get; init; }

    /// <summary>The raw response body, truncated to a bounded length, with bearer tokens masked.</summary>
    public string? RawBody { get; init; }

    /// <summary>How long the service asked the caller to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the request was not idempotent and the outcome is ambiguous: the service may have
    /// acted on it. The SDK never repeats such a request on its own.</summary>
    public bool MayHaveBeenProcessed { get; init; }
}
