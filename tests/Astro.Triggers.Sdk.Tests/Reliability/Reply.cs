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

    public abstract Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken stop);

    protected static Task WriteAsync(Stream stream, string text, CancellationToken stop) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(text), stop).AsTask();

    protected static string Head(int status, string contentType, long? length, IEnumerable<(string Name, string Value)> headers, bool chunked = false)
    {
        var sb = new StringBuilder($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n");
        sb.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {length}\r\n");
        foreach (var (name, value) in headers)
        {
            sb.Append($"{name}: {value}\r\n");
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
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken stop)
        {
            var bytes = Encoding.UTF8.GetBytes(Body);
            await WriteAsync(stream, Head(Status, ContentType, bytes.Length, Headers), stop);
            await stream.WriteAsync(bytes, stop);
            return true;
        }
    }

    /// <summary>Reads the request, then resets the connection before any byte of the response.</summary>
    public sealed record ResetBeforeResponse : Reply
    {
        public override Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken stop)
        {
            Reset(socket);
            return Task.FromResult(false);
        }
    }

    /// <summary>Sends 200 headers promising 1,000 bytes and 10 of them, then resets.</summary>
    public sealed record ResetMidBody : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken stop)
        {
            await WriteAsync(stream, Head(200, "application/json", 1000, []) + "{\"data\":[", stop);
            await stream.FlushAsync(stop);
            await Task.Delay(50, stop);
            Reset(socket);
            return false;
        }
    }

    /// <summary>Sends 200 headers and the start of the body, then nothing more until the server stops.</summary>
    public sealed record StallBody : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken stop)
        {
            await WriteAsync(stream, Head(200, "application/json", 1000, []) + "{\"data\":", stop);
            await stream.FlushAsync(stop);
            await Task.Delay(Timeout.Infinite, stop);
            return false;
        }
    }

    /// <summary>Answers nothing at all until the server stops.</summary>
    public sealed record Hang : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken stop)
        {
            await Task.Delay(Timeout.Infinite, stop);
            return false;
        }
    }

    /// <summary>A 200 JSON array body of <paramref name="Bytes"/> bytes, declared or chunked, streamed as it is read.</summary>
    public sealed record Huge(long Bytes, bool Chunked) : Reply
    {
        public override async Task<bool> SendAsync(Socket socket, Stream stream, CancellationToken stop)
        {
            await WriteAsync(stream, Head(200, "application/json", Bytes, [], Chunked), stop);
            var block = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (long sent = 0; sent < Bytes; sent += block.Length)
            {
                var size = (int)Math.Min(block.Length, Bytes - sent);
                if (Chunked)
                {
                    await WriteAsync(stream, $"{size:x}\r\n", stop);
                }

                await stream.WriteAsync(block.AsMemory(0, size), stop);
                if (Chunked)
                {
                    await WriteAsync(stream, "\r\n", stop);
                }
            }

            return false;
        }
    }
}
