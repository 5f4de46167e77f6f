using System.Globalization;
using System.Text;
using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk;

/// <summary>The base of every error the service answered with (any 4xx or 5xx). Catch a subclass for one
/// status, or this type for all of them.</summary>
public class ServiceRequestException : AstroTriggersException
{
    /// <summary>Creates the exception from what is known about the failed call.</summary>
    /// <param name="info">The details of the failure.</param>
    public ServiceRequestException(ServiceErrorInfo info)
        : base(BuildMessage(info ?? throw new ArgumentNullException(nameof(info))), innerException: null)
    {
        Info = info;
    }

    /// <summary>Everything known about the failure.</summary>
    public ServiceErrorInfo Info { get; }

    /// <inheritdoc />
    public override string Service => Info.Service;

    /// <inheritdoc />
    public override string OperationId => Info.OperationId;

    /// <summary>The HTTP status code (400–599).</summary>
    public override int Status => Info.Status;

    /// <summary>The service's own error code, when it gave one.</summary>
    public override string? ErrorCode => Info.ErrorCode;

    /// <summary>The service's own error message, when it gave one.</summary>
    public string? ServiceMessage => Info.ServiceMessage;

    /// <summary>A link to the service's documentation of this error, when it gave one.</summary>
    public string? DocumentationUrl => Info.DocumentationUrl;

    /// <summary>The service's explanation of the cause, when it gave one apart from the message.</summary>
    public string? Reason => Info.Reason;

    /// <summary>What the service suggests the user do, when it said.</summary>
    public string? SuggestedAction => Info.SuggestedAction;

    /// <summary>The request id, for support tickets.</summary>
    public string? RequestId => Info.RequestId;

    /// <summary>The HTTP method of the request.</summary>
    public string Method => Info.Method;

    /// <summary>The request URI with secrets redacted.</summary>
    public string? RequestUri => Info.RequestUri;

    /// <summary>The raw response body (bounded, bearer tokens masked).</summary>
    public string? RawBody => Info.RawBody;

    /// <summary>How long the service asked to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter => Info.RetryAfter;

    /// <summary>True when a non-idempotent request got an ambiguous answer (a 5xx other than 503 with Retry-After):
    /// the service may have acted on it. False for every 4xx, 429 and 503 with Retry-After.</summary>
    public override bool MayHaveBeenProcessed => Info.MayHaveBeenProcessed;

    private static string BuildMessage(ServiceErrorInfo info)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{info.Service} {info.OperationId} failed with HTTP {info.Status}");
        if (info.ErrorCode is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({info.ErrorCode})");
        }

        if (info.ServiceMessage is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $": {info.ServiceMessage}");
        }

        if (info.Reason is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Reason: {info.Reason}.");
        }

        if (info.SuggestedAction is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Suggested action: {info.SuggestedAction}.");
        }

        sb.Append(CultureInfo.InvariantCulture, $" [{info.Method} {info.RequestUri}");
        if (info.RequestId is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", request id {info.RequestId}");
        }

        sb.Append(']');
        if (info.RetryAfter is { } retryAfter)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Retry after {HumanDuration.Format(retryAfter)}.");
        }

        if (info.MayHaveBeenProcessed)
        {
            sb.Append(" The request may have been processed; it was not repeated.");
        }

        return sb.ToString();
    }
}
