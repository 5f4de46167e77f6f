using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Core.Security;

namespace Astro.Triggers.Sdk.Core.Errors;

/// <summary>Turns a 4xx/5xx response into the typed exception of its status, whatever the body holds.</summary>
internal static class ErrorMapper
{
    public static async ValueTask ThrowIfErrorAsync(HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateAsync(response, call, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The typed exception of an error response. Every text on it is masked: bearer tokens, and the exact
    /// secrets the client sent (a service may echo its key back in a message, a body or a header).</summary>
    public static async Task<ServiceRequestException> CreateAsync(
        HttpResponseMessage response, CallContext call, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        var secrets = call.Secrets;
        var raw = await ResponseBody.ReadErrorTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var body = ErrorBody.Parse(raw);
        var status = (int)response.StatusCode;
        // On the call's clock, and against the server's Date where it sent one (RetryAfterParser).
        var retryAfter = RetryAfterParser.Parse(response.Headers, call.TimeProvider.GetUtcNow(), rateLimited: status == 429);
        var info = new ServiceErrorInfo
        {
            Service = operation.Service,
            OperationId = operation.OperationId,
            Status = status,
            ErrorCode = secrets.Mask(body.Code),
            ServiceMessage = secrets.Mask(body.Message),
            DocumentationUrl = secrets.Mask(body.DocumentationUrl),
            Reason = secrets.Mask(body.Reason),
            SuggestedAction = secrets.Mask(body.Action),
            ValidationIssues = body.ValidationIssues?.Select(issue => Masked(issue, secrets)).ToArray() ?? [],
            RequestId = secrets.Mask(body.RequestId ?? HeaderRequestId(response)),
            Method = operation.Method,
            RequestUri = secrets.Mask(Redactor.Uri(response.RequestMessage?.RequestUri)),
            RawBody = secrets.Mask(raw),
            RetryAfter = retryAfter,
            MayHaveBeenProcessed = MayHaveBeenProcessed(operation, status, retryAfter),
        };
        return Create(info);
    }

    /// <summary>The exception type of a status: one per documented status, a default for the rest.</summary>
    public static ServiceRequestException Create(ServiceErrorInfo info) => info.Status switch
    {
        400 => new BadRequestException(info),
        401 => new UnauthorizedException(info),
        402 => new PaymentRequiredException(info),
        403 => new ForbiddenException(info),
        404 => new NotFoundException(info),
        409 => new ConflictException(info),
        410 => new GoneException(info),
        422 => new UnprocessableEntityException(info),
        429 => new RateLimitExceededException(info),
        500 => new InternalServerErrorException(info),
        _ => new UnexpectedStatusException(info),
    };

    /// <summary>A 4xx was refused before any effect; 503 with Retry-After and 429 were not acted on; any other
    /// 5xx on a non-idempotent call is ambiguous.</summary>
    internal static bool MayHaveBeenProcessed(OperationInfo operation, int status, TimeSpan? retryAfter) =>
        !operation.IsIdempotent && status >= 500 && !(status == 503 && retryAfter is not null);

    private static string? HeaderRequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders.Names)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    private static ValidationIssue Masked(ValidationIssue issue, KnownSecrets secrets) =>
        new(issue.Location.Select(step => secrets.Mask(step)!).ToArray(), secrets.Mask(issue.Message)!, secrets.Mask(issue.Type));
}
