using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>What the scripted server does with one request. <see cref="SendAsync"/> returns false when the
/// connection must not be reused.</summary>
public abstract record Reply
{
    public static Reply Json(int status, string body, params (string Name, string Value)[] headers) =>
        new Full(status, "application/json", body, headers);

    public static Reply Text(int status, string contentType, string body, params (string Name, string Value)[] headers) =>
        new Full(status, contentType, body, headers);

    /// <summary>A complete body of exact bytes in the given framing.</summary>
    public static Reply Framed(int status, string contentType, byte[] body, Framing framing, params (string Name, string Value)[] headers) =>
        new FramedBody(status, contentType, body, framing, headers);

    public abstract Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken serverStopping);

    protected static Task WriteAsync(Stream stream, string text, CancellationToken serverStopping) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(text), serverStopping).AsTask();

    protected static string Head(int status, string contentType, long? length, IEnumerable<(string Name, string Value)> headers, bool chunked = false)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n");
        sb.Append(chunked ? "Transfer-Encoding: chunked\r\n" : string.Create(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n"));
        foreach (var (name, value) in headers)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        return sb.Append("\r\n").ToString();
    }

    /// <summary>Closes with RST, so the client sees a reset rather than a clean end.</summary>
    protected static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public sealed record Full(int Status, string ContentType, string Body, (string Name, string Value)[] Headers) : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken serverStopping)
        {
            var bytes = Encoding.UTF8.GetBytes(Body);
            await WriteAsync(stream, Head(Status, ContentType, bytes.Length, Headers), serverStopping);
            await stream.WriteAsync(bytes, serverStopping);
            return true;
        }
    }

    /// <summary>Reads the request, then resets the connection before any byte of the response.</summary>
    public sealed record ResetBeforeResponse : Reply
    {
        public override Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken serverStopping)
        {
            Reset(socket);
            return Task.FromResult(false);
        }
    }

    /// <summary>Sends 200 headers promising 1,000 bytes and 10 of them, then resets.</summary>
    public sealed record ResetMidBody : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken serverStopping)
        {
            await WriteAsync(stream, Head(200, "application/json", 1000, []) + "{\"data\":[", serverStopping);
            await stream.FlushAsync(serverStopping);
            await Task.Delay(50, serverStopping);
            Reset(socket);
            return false;
        }
    }

    /// <summary>Sends 200 headers and the start of the body, then nothing more until the server stops.</summary>
    public sealed record StallBody : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken serverStopping)
        {
            await WriteAsync(stream, Head(200, "application/json", 1000, []) + "{\"data\":", serverStopping);
            await stream.FlushAsync(serverStopping);
            await Task.Delay(Timeout.Infinite, serverStopping);
            return false;
        }
    }

    /// <summary>Answers nothing at all until the server stops.</summary>
    public sealed record Hang : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken serverStopping)
        {
            await Task.Delay(Timeout.Infinite, serverStopping);
            return false;
        }
    }

    /// <summary>A 200 JSON array body of <paramref name="Bytes"/> bytes, declared or chunked, streamed as it is read.</summary>
    public sealed record Huge(long Bytes, bool Chunked) : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken serverStopping)
        {
            await WriteAsync(stream, Head(200, "application/json", Bytes, [], Chunked), serverStopping);
            var block = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (long sent = 0; sent < Bytes; sent += block.Length)
            {
                var size = (int)Math.Min(block.Length, Bytes - sent);
                if (Chunked)
                {
                    await WriteAsync(stream, string.Create(CultureInfo.InvariantCulture, $"{size:x}\r\n"), serverStopping);
                }

                await stream.WriteAsync(block.AsMemory(0, size), serverStopping);
                if (Chunked)
                {
                    await WriteAsync(stream, "\r\n", serverStopping);
                }
            }

            return false;
        }
    }

    /// <summary>The same bytes as Content-Length, chunked (in 7-byte chunks) or close-delimited (no length; the
    /// connection closes at the end of the body).</summary>
    public sealed record FramedBody(int Status, string ContentType, byte[] Body, Framing Framing, (string Name, string Value)[] Headers) : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken serverStopping)
        {
            var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} X\r\nContent-Type: {ContentType}\r\n");
            head.Append(Framing switch
            {
                Framing.ContentLength => string.Create(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n"),
                Framing.Chunked => "Transfer-Encoding: chunked\r\n",
                _ => "Connection: close\r\n",
            });
            foreach (var (name, value) in Headers)
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            await WriteAsync(stream, head.Append("\r\n").ToString(), serverStopping);
            if (Framing == Framing.Chunked)
            {
                for (var at = 0; at < Body.Length; at += 7)
                {
                    var size = Math.Min(7, Body.Length - at);
                    await WriteAsync(stream, string.Create(CultureInfo.InvariantCulture, $"{size:x}\r\n"), serverStopping);
                    await stream.WriteAsync(Body.AsMemory(at, size), serverStopping);
                    await WriteAsync(stream, "\r\n", serverStopping);
                }

                await WriteAsync(stream, "0\r\n\r\n", serverStopping);
                return true;
            }

            await stream.WriteAsync(Body, serverStopping);
            if (Framing == Framing.CloseDelimited)
            {
                await stream.FlushAsync(serverStopping);
                socket.Shutdown(SocketShutdown.Send);
                return false;
            }

            return true;
        }
    }
}

/// <summary>How a response body's end is marked (RFC 9112 §6).</summary>
public enum Framing
{
    ContentLength,
    Chunked,
    CloseDelimited,
}
