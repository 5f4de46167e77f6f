namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>Tells "the request never left" from "it may have" on the SDK's own transport. Every connection's plaintext
/// stream (after TLS) is wrapped by <see cref="Filter"/> in a <see cref="WriteObservingStream"/>; an HTTP/1.1 request
/// writes its bytes in its own async flow, where <see cref="Begin"/> has put its call, so the first write marks the
/// attempt as sent. A failure or cancellation before that — connect, TLS handshake, waiting for a pooled connection — is
/// then known to be "never sent" (CallRunner), whatever exception reports it.</summary>
internal static class SendTracking
{
    private static readonly AsyncLocal<CallContext?> Sending = new();

    /// <summary>The SocketsHttpHandler's PlaintextStreamFilter; its identity also marks a handler as the SDK's own.</summary>
    public static readonly Func<SocketsHttpPlaintextStreamFilterContext, CancellationToken, ValueTask<Stream>> Filter =
        static (context, _) => ValueTask.FromResult<Stream>(new WriteObservingStream(context.PlaintextStream));

    /// <summary>Arms tracking for the call's current attempt, in the caller's async flow (call from an async method, so
    /// the value flows down into the transport and not back up).</summary>
    public static void Begin(CallContext call)
    {
        call.TrackSend();
        Sending.Value = call;
    }

    /// <summary>Called before any byte is written to a connection: the request now in this flow may reach the service.</summary>
    public static void OnWrite() => Sending.Value?.MarkWritten();

    /// <summary>Whether only HTTP/1.x can carry the request: its bytes are then written in its own flow. (HTTP/2 writes
    /// from a connection-wide loop, where no call is in flow; such a request is not tracked, so stays "may have".)</summary>
    public static bool Trackable(HttpRequestMessage request) =>
        request.Version.Major == 1 && request.VersionPolicy != HttpVersionPolicy.RequestVersionOrHigher;
}
