using System.Net;
using System.Net.Http.Headers;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The innermost of the SDK's handlers: what the SDK adds when the transport under it is its own
/// SocketsHttpHandler (ClientPipeline.CreatePrimaryHandler, recognised by its stream filter however many handlers a
/// user put between), and nothing otherwise — a caller's transport decides for itself. It arms
/// <see cref="SendTracking"/> for the attempt, so a failure before any byte was written is known to be "never sent";
/// and it asks for the <see cref="ServiceClientOptions.AutomaticDecompression"/> codings and decodes them itself
/// (<see cref="DecodedContent"/>), so a compressed body that ends before its end marker is a body cut short rather
/// than a shorter body.</summary>
internal sealed class OwnTransportHandler(DecompressionMethods decompression) : DelegatingHandler
{
    private static readonly StringWithQualityHeaderValue Gzip = new("gzip");
    private static readonly StringWithQualityHeaderValue Deflate = new("deflate");
    private static readonly StringWithQualityHeaderValue Brotli = new("br");

    /// <summary>The codings asked for and decoded (<see cref="ServiceClientOptions.AutomaticDecompression"/>).</summary>
    public DecompressionMethods Decompression => decompression;

    // 0 not yet looked at, 1 the SDK's own transport, 2 another: the chain is fixed once the first request went out.
    private int _transport;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        IsOwnTransport() ? SendOwnAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

    /// <summary>Whether <paramref name="handler"/>, under any delegating handlers, is a transport the SDK built.</summary>
    internal static bool IsOwn(HttpMessageHandler? handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler;
        }

        return handler is SocketsHttpHandler sockets && ReferenceEquals(sockets.PlaintextStreamFilter, SendTracking.Filter);
    }

    private bool IsOwnTransport()
    {
        if (_transport == 0)
        {
            _transport = IsOwn(InnerHandler) ? 1 : 2;
        }

        return _transport == 1;
    }

    // Async, so the call set in flow here reaches the transport's writes and is gone again when this returns.
    private async Task<HttpResponseMessage> SendOwnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CallContext.Of(request) is { } call && SendTracking.Trackable(request))
        {
            SendTracking.Begin(call);
        }

        if (decompression != DecompressionMethods.None && request.Headers.AcceptEncoding.Count == 0)
        {
            AskFor(request.Headers.AcceptEncoding);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (decompression != DecompressionMethods.None && response.Content is { } content && content.Headers.ContentEncoding.Count > 0
            && DecodedContent.CodingOf(content.Headers.ContentEncoding.Last(), decompression) is var coding and not DecompressionMethods.None)
        {
            response.Content = new DecodedContent(content, coding);
        }

        return response;
    }

    private void AskFor(HttpHeaderValueCollection<StringWithQualityHeaderValue> accept)
    {
        // The framework's order: gzip, deflate, br.
        if ((decompression & DecompressionMethods.GZip) != 0)
        {
            accept.Add(Gzip);
        }

        if ((decompression & DecompressionMethods.Deflate) != 0)
        {
            accept.Add(Deflate);
        }

        if ((decompression & DecompressionMethods.Brotli) != 0)
        {
            accept.Add(Brotli);
        }
    }
}
