using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Security;
using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Core.Telemetry;

/// <summary>One Debug log line per HTTP attempt: method, redacted URI, status, duration, attempt number. Spans and
/// request metrics of an attempt are System.Net.Http's own (its CLIENT span is a child of the operation's span); the
/// operation's span, a retry's Information line and a failure's Warning line come from CallRunner and the retry layer.</summary>
/// <remarks>A null logger (a client built without a logger factory) logs nothing.</remarks>
internal sealed partial class TelemetryHandler(ILogger? logger, TimeProvider timeProvider) : DelegatingHandler
{
    // Not async itself: with Debug off the inner task is handed on as is (no task of this handler's own per request).
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        logger is not null && logger.IsEnabled(LogLevel.Debug) ? SendLoggedAsync(logger, request, cancellationToken) : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendLoggedAsync(ILogger logger, HttpRequestMessage request, CancellationToken cancellationToken)
    {

        var call = CallContext.Of(request);
        var attempt = call?.Attempts ?? 1;
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            LogAttempt(logger, request.Method.Method, SafeUri(request, call), (int)response.StatusCode, timeProvider.GetElapsedTime(started).TotalMilliseconds, attempt);
            return response;
        }
        catch (Exception ex)
        {
            // Cancelled attempts are logged too (attempt timeout, overall budget, caller): every attempt leaves one line.
            LogTransportFailure(logger, request.Method.Method, SafeUri(request, call), ex.GetType().Name, timeProvider.GetElapsedTime(started).TotalMilliseconds, attempt);
            throw;
        }
    }

    private static string? SafeUri(HttpRequestMessage request, CallContext? call)
    {
        var uri = Redactor.Uri(request.RequestUri);
        return call is null ? uri : call.Secrets.Mask(uri);
    }

    [LoggerMessage(1, LogLevel.Debug, "HTTP {Method} {Uri} -> {Status} in {ElapsedMs:0.0} ms (attempt {Attempt})")]
    private static partial void LogAttempt(ILogger logger, string method, string? uri, int status, double elapsedMs, int attempt);

    [LoggerMessage(3, LogLevel.Debug, "HTTP {Method} {Uri} failed with {Error} after {ElapsedMs:0.0} ms (attempt {Attempt})")]
    private static partial void LogTransportFailure(ILogger logger, string method, string? uri, string error, double elapsedMs, int attempt);
}
