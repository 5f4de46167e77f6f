using System.IO.Compression;
using System.Text;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Bodies as a compressing server sends them (issue 18 #4): encoded whole, corrupted, or as a bomb — a small
/// compressed body that inflates far past any response cap, built block by block so the test never holds the inflated
/// bytes itself.</summary>
internal static class Compressed
{
    public static readonly string[] Codings = ["gzip", "br"];

    public static byte[] Encode(string coding, byte[] body)
    {
        using var output = new MemoryStream();
        using (var encoder = Encoder(coding, output))
        {
            encoder.Write(body);
        }

        return output.ToArray();
    }

    public static byte[] Encode(string coding, string body) => Encode(coding, Encoding.UTF8.GetBytes(body));

    /// <summary><paramref name="prefix"/>, then <paramref name="block"/> repeated until <paramref name="inflatedBytes"/>, compressed.</summary>
    public static byte[] Bomb(string coding, string prefix, string block, long inflatedBytes)
    {
        var head = Encoding.UTF8.GetBytes(prefix);
        var repeated = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(block, Math.Max(1, 64 * 1024 / block.Length))));
        using var output = new MemoryStream();
        using (var encoder = Encoder(coding, output))
        {
            encoder.Write(head);
            for (long written = head.Length; written < inflatedBytes; written += repeated.Length)
            {
                encoder.Write(repeated);
            }
        }

        return output.ToArray();
    }

    /// <summary>The encoded body with a run of bytes in its middle overwritten: the header still says gzip/br, the data is not.</summary>
    public static byte[] Corrupt(string coding, string body)
    {
        var bytes = Encode(coding, body);
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 16 && i < bytes.Length - 8; i++)
        {
            bytes[i] ^= 0x5A;
        }

        return bytes;
    }

    private static Stream Encoder(string coding, Stream output) => coding switch
    {
        "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "br" => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "gzip, br or deflate"),
    };
}

/// <summary>200 headers declaring the whole compressed body, part of it, then a reset: a compressed body cut off.</summary>
internal sealed record CompressedCutOff(string ContentType, string Coding, byte[] Body, int Sent) : Reply
{
    public override async Task<bool> SendAsync(System.Net.Sockets.Socket socket, Stream stream, CancellationToken serverStopping)
    {
        await WriteAsync(stream, Head(200, ContentType, Body.Length, [("Content-Encoding", Coding)]), serverStopping);
        await stream.WriteAsync(Body.AsMemory(0, Sent), serverStopping);
        await stream.FlushAsync(serverStopping);
        await Task.Delay(50, serverStopping);
        Reset(socket);
        return false;
    }
}

/// <summary>Issue 25, kind 5: 200 headers declaring the whole compressed body (Content-Length), part of it, then a clean
/// close (FIN, not a reset).</summary>
internal sealed record CompressedEndsEarly(string ContentType, string Coding, byte[] Body, int Sent) : Reply
{
    public override async Task<bool> SendAsync(System.Net.Sockets.Socket socket, Stream stream, CancellationToken serverStopping)
    {
        await WriteAsync(stream, Head(200, ContentType, Body.Length, [("Content-Encoding", Coding)]), serverStopping);
        await stream.WriteAsync(Body.AsMemory(0, Sent), serverStopping);
        await stream.FlushAsync(serverStopping);
        socket.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        return false;
    }
}
