using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The handler chain every service client uses, built in this one place for both the no-DI path and
/// IHttpClientFactory: telemetry (per attempt) → auth → own-transport extras (send tracking, checked decoding) →
/// transport (no automatic redirects, a connect timeout of its own). Retries run above the
/// chain, around each whole attempt (CallRunner), so a failure while a body is read is retried like one before
/// the headers.</summary>
internal static class ClientPipeline
{
    /// <summary>The SDK's handlers, outermost first. Without a logger factory the telemetry handler has nothing to log
    /// to and only passes requests on.</summary>
    public static DelegatingHandler[] CreateHandlers(
        ServiceClientOptions options, string service, Action<HttpRequestMessage, string> applyCredential, ILoggerFactory? loggerFactory) =>
    [
        new TelemetryHandler(loggerFactory?.CreateLogger($"{SdkConstants.TelemetryName}.{service}"), options.TimeProvider),
        new AuthHandler(options.ResolveTokens(), options.TokenProvider is not null, applyCredential),
        // Innermost: it acts only over the SDK's own SocketsHttpHandler, found below it at the first request.
        new OwnTransportHandler(options.AutomaticDecompression),
    ];

    /// <summary>The no-DI client: <see cref="CreateHandlers"/> over <see cref="CreatePrimaryHandler"/>.</summary>
    public static HttpClient CreateHttpClient(ServiceClientOptions options, string service, Action<HttpRequestMessage, string> applyCredential)
    {
        HttpMessageHandler handler = CreatePrimaryHandler(options);
        // No NullLoggerFactory stand-in when none is configured: building it and its NullLogger was JIT time on a
        // process's first client (issue 30) for a logger nobody reads.
        var handlers = CreateHandlers(options, service, applyCredential, options.LoggerFactory);
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = handler;
            handler = handlers[i];
        }

        var client = new HttpClient(handler, disposeHandler: true);
        Configure(client, options);
        return client;
    }

    /// <summary>The transport under the SDK's handlers: the caller's (<see cref="ServiceClientOptions.Transport"/>),
    /// never disposed by the SDK, which then decides redirects, decompression and connect timeouts itself; else a
    /// SocketsHttpHandler that does not follow redirects — a redirect to another host must never receive the credential —,
    /// gives up a connection (TCP and TLS) after <see cref="ServiceClientOptions.ConnectTimeout"/>, and lets every
    /// connection's writes be seen (<see cref="SendTracking"/>). It decodes nothing itself: OwnTransportHandler asks for
    /// <see cref="ServiceClientOptions.AutomaticDecompression"/> and decodes, checking each compressed body reached its
    /// end marker (the framework's decoders end quietly on a body cut short). Decoded content carries no Content-Length,
    /// so ResponseBody's cap counts decoded bytes.</summary>
    public static HttpMessageHandler CreatePrimaryHandler(ServiceClientOptions options) =>
        options.Transport is { } transport
            ? new TransportAdapter(new HttpMessageInvoker(transport, disposeHandler: false))
            : new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                ConnectTimeout = options.ConnectTimeout,
                PlaintextStreamFilter = SendTracking.Filter,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            };

    public static void Configure(HttpClient client, ServiceClientOptions options)
    {
        client.BaseAddress = options.BaseAddress;
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent.For(options.ApplicationId));
        // The SDK's own budget (CallRunner) and per-attempt timeout (Retry/RetryPipeline) apply instead.
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }
}
