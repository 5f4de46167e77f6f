using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Core.Retry;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Conformance.Adapters;

/// <summary>retry-decision: {failure, status?, retryAfterMs?, idempotent, retryUnsafeRequests, retryInternalServerError?,
/// attempts, maxAttempts, remainingMs, maxDelayMs} → {retry, waitMs?} through RetryPipeline.ShouldRetry (which asks
/// RetryDecision.ShouldRetry); the wait is the server's Retry-After, or null for the backoff.</summary>
internal sealed class RetryDecisionAdapter : IRuleAdapter
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    public Task<JsonObject> RunAsync(JsonObject input)
    {
        var idempotent = (bool)input["idempotent"]!;
        var operation = new OperationInfo("Conformance", "conformance", idempotent ? "GET" : "POST", isIdempotent: idempotent);
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = new AgentsetClientOptions
        {
            TimeProvider = clock,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            Retry = new RetryOptions
            {
                MaxAttempts = (int)input["maxAttempts"]!,
                MaxDelay = TimeSpan.FromMilliseconds((long)input["maxDelayMs"]!),
                MaxElapsed = Budget,
                RetryUnsafeRequests = (bool)input["retryUnsafeRequests"]!,
                RetryInternalServerError = (bool?)input["retryInternalServerError"] ?? false,
            },
        };
        var call = CallContext.Create(options, null, operation);
        try
        {
            call.StartedAt = clock.GetTimestamp();
            clock.Advance(Budget - TimeSpan.FromMilliseconds((long)input["remainingMs"]!));
            for (var i = 0; i < (int)input["attempts"]!; i++)
            {
                call.NextAttempt();
            }

            using var caller = new CancellationTokenSource();
            var exception = Failure(input, operation, caller);
            if (!RetryPipeline.ShouldRetry(exception, call, caller.Token))
            {
                return Task.FromResult(new JsonObject { ["retry"] = false });
            }

            var hint = (exception as ServiceRequestException)?.RetryAfter;
            return Task.FromResult(new JsonObject
            {
                ["retry"] = true,
                ["waitMs"] = hint is { } wait ? (long)wait.TotalMilliseconds : null,
            });
        }
        finally
        {
            CallContext.Release(call);
        }
    }

    /// <summary>The exception the pipeline sees for each failure kind (what CallRunner's attempt surfaces).</summary>
    private static Exception Failure(JsonObject input, OperationInfo operation, CancellationTokenSource caller)
    {
        var kind = (string)input["failure"]!;
        switch (kind)
        {
            case "answered":
                return ErrorMapper.Create(new ServiceErrorInfo
                {
                    Service = operation.Service,
                    OperationId = operation.OperationId,
                    Method = operation.Method,
                    Status = (int)input["status"]!,
                    RetryAfter = (long?)input["retryAfterMs"] is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
                });
            case "refused-connection":
                return new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));
            case "connect-timeout":
                // CallRunner.NeverSent: the connect timeout ran out before one byte was written.
                return new ServiceTimeoutException(operation, "no connection was established within the connect timeout", TimeSpan.FromSeconds(10), mayHaveBeenProcessed: false, new OperationCanceledException("connect", new TimeoutException()));
            case "reset-before-headers":
                return new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));
            case "reset-in-body":
                return new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset));
            case "attempt-timeout":
                return new AttemptTimeoutException(TimeSpan.FromSeconds(30), null);
            case "caller-cancelled":
                caller.Cancel();
                return new OperationCanceledException(caller.Token);
            case "deserialization":
                return new ResponseDeserializationException(operation, 200, "the response body is not valid JSON", null);
            default:
                throw new ArgumentException($"unknown failure kind \"{kind}\"");
        }
    }
}
