using System.Text;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Core.Security;

namespace Astro.Triggers.Sdk.Core.Errors;

/// <summary>Turns a 4xx/5xx response into the typed exception of its status, whatever the body holds.</summary>
internal static class ErrorMapper
{
    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid"];

    public static async ValueTask ThrowIfErrorAsync(HttpResponseMessage response, OperationInfo operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await CreateAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<ServiceRequestException> CreateAsync(
        HttpResponseMessage response, OperationInfo operation, CancellationToken cancellationToken)
    {
        var raw = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var body = ErrorBody.Parse(raw);
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfterNote.Get(response)
            ?? RetryAfterParser.Parse(response.Headers, TimeProvider.System.GetUtcNow());
        var info = new ServiceErrorInfo
        {
            Service = operation.Service,
            OperationId = operation.OperationId,
            Status = status,
            ErrorCode = body.Code,
            ServiceMessage = Redactor.Text(body.Message),
            DocumentationUrl = body.DocumentationUrl,
            Reason = Redactor.Text(body.Reason),
            SuggestedAction = body.Action,
            ValidationIssues = body.ValidationIssues ?? [],
            RequestId = body.RequestId ?? HeaderRequestId(response),
            Method = operation.Method,
            RequestUri = Redactor.Uri(response.RequestMessage?.RequestUri),
            RawBody = Redactor.Text(raw),
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
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    private static async Task<string?> ReadBoundedAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[SdkConstants.MaxErrorBodyBytes + 1];
                var total = 0;
                int read;
                while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                var truncated = total > SdkConstants.MaxErrorBodyBytes;
                var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(total, SdkConstants.MaxErrorBodyBytes));
                return truncated ? text + "…(truncated)" : text;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // The status is what matters; a body cut off mid-way still gives the typed exception.
            return null;
        }
    }
}
