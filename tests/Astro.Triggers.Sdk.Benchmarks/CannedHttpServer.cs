using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Astro.Triggers.Sdk.Benchmarks;

/// <summary>A loopback HTTP/1.1 server (keep-alive) that answers every request with one of three precomposed responses
/// of the same JSON — identity, gzip or br, chosen by the request's Accept-Encoding (br before gzip) — so a benchmark
/// measures the client's decoding over a real socket without the server's compression.</summary>
internal sealed class CannedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _identity, _gzip, _br;

    public CannedHttpServer(byte[] identity, byte[] gzip, byte[] br)
    {
        _identity = Compose(identity, null);
        _gzip = Compose(gzip, "gzip");
        _br = Compose(br, "br");
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private static byte[] Compose(byte[] body, string? coding)
    {
        var head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        if (coding is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Encoding: {coding}\r\nVary: Accept-Encoding\r\n");
        }

        return [.. Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), .. body];
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                socket.NoDelay = true;
                _ = Task.Run(() => ServeAsync(socket));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var buffer = new byte[16 * 1024];
            var filled = 0;
            try
            {
                while (true)
                {
                    int end;
                    while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                    {
                        var read = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        filled += read;
                    }

                    var head = Encoding.ASCII.GetString(buffer, 0, end);
                    var accept = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Accept-Encoding:", StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
                    var response = accept.Contains("br", StringComparison.Ordinal) ? _br : accept.Contains("gzip", StringComparison.Ordinal) ? _gzip : _identity;
                    await socket.SendAsync(response, _stop.Token);
                    // GET requests: no body; keep what followed the head (a pipelined request, never in practice).
                    Buffer.BlockCopy(buffer, end + 4, buffer, 0, filled - end - 4);
                    filled -= end + 4;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
