using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The handler chain every service client uses, with or without DI:
/// telemetry (per attempt) → auth → transport (no automatic redirects). Retries run above the chain, around each
/// whole attempt (CallRunner), so a failure while a body is read is retried like one before the headers.</summary>
internal static class ClientPipeline
{
    public static HttpClient CreateHttpClient(ServiceClientOptions options, string service, Action<HttpRequestMessage, string> applyCredential)
    {
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger($"{SdkConstants.TelemetryName}.{service}");
        HttpMessageHandler handler = CreatePrimaryHandler();
        handler = new AuthHandler(options.ResolveTokens(), options.TokenProvider is not null, applyCredential) { InnerHandler = handler };
        handler = new TelemetryHandler(logger, service, options.TimeProvider) { InnerHandler = handler };
        var client = new HttpClient(handler, disposeHandler: true);
        Configure(client, options);
        return client;
    }

    /// <summary>Redirects are not followed: a redirect to another host must never receive the credential.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public static void Configure(HttpClient client, ServiceClientOptions options)
    {
        client.BaseAddress = options.BaseAddress;
        // The SDK's own budget (CallRunner) and per-attempt timeout (Retry/RetryPipeline) apply instead.
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }
}
