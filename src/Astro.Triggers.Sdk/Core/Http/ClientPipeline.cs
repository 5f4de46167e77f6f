using Astro.Triggers.Sdk.Core.Auth;
using Astro.Triggers.Sdk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The handler chain every service client uses, built in this one place for both the no-DI path and
/// IHttpClientFactory: telemetry (per attempt) → auth → transport (no automatic redirects). Retries run above the
/// chain, around each whole attempt (CallRunner), so a failure while a body is read is retried like one before
/// the headers.</summary>
internal static class ClientPipeline
{
    /// <summary>The SDK's handlers, outermost first.</summary>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(
        ServiceClientOptions options, string service, Action<HttpRequestMessage, string> applyCredential, ILoggerFactory loggerFactory) =>
    [
        new TelemetryHandler(loggerFactory.CreateLogger($"{SdkConstants.TelemetryName}.{service}"), options.TimeProvider),
        new AuthHandler(options.ResolveTokens(), options.TokenProvider is not null, applyCredential),
    ];

    /// <summary>The no-DI client: <see cref="CreateHandlers"/> over <see cref="CreatePrimaryHandler"/>.</summary>
    public static HttpClient CreateHttpClient(ServiceClientOptions options, string service, Action<HttpRequestMessage, string> applyCredential)
    {
        HttpMessageHandler handler = CreatePrimaryHandler(options);
        var handlers = CreateHandlers(options, service, applyCredential, options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = handler;
            handler = handlers[i];
        }

        var client = new HttpClient(handler, disposeHandler: true);
        Configure(client, options);
        return client;
    }

    /// <summary>The transport under the SDK's handlers: the caller's (<see cref="ServiceClientOptions.Transport"/>),
    /// never disposed by the SDK, which then decides redirects and decompression itself; else a SocketsHttpHandler that
    /// does not follow redirects — a redirect to another host must never receive the credential — and asks for and
    /// decodes <see cref="ServiceClientOptions.AutomaticDecompression"/>. Its decoded content carries no
    /// Content-Length, so ResponseBody's cap counts decoded bytes.</summary>
    public static HttpMessageHandler CreatePrimaryHandler(ServiceClientOptions options) =>
        options.Transport is { } transport
            ? new TransportAdapter(new HttpMessageInvoker(transport, disposeHandler: false))
            : new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = options.AutomaticDecompression,
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
