using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>A raw HTTP/1.1 server on a loopback TcpListener that can misbehave in ways WireMock cannot: reset a
/// connection before or during a response, stall a body, stream 50 MB, hang. Each request is recorded, then
/// answered by the script for its index (0-based).</summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, Reply> _script;
    private Task _accepting;
    private int _count;

    public ScriptedServer(Func<int, Reply> script)
        : this(script, backlog: null, accept: true)
    {
    }

    /// <summary>A server with an accept queue of <paramref name="backlog"/> that, unless <paramref name="accept"/>, takes
    /// no connection before <see cref="StartAccepting"/> (connections wait in the kernel's queue; once it is full, further
    /// connects hang: see SaturatedListener).</summary>
    public ScriptedServer(Func<int, Reply> script, int? backlog, bool accept)
    {
        _script = script;
        if (backlog is { } queue)
        {
            _listener.Start(queue);
        }
        else
        {
            _listener.Start();
        }

        _accepting = accept ? AcceptAsync() : Task.CompletedTask;
    }

    /// <summary>Starts taking the connections waiting in the accept queue, and every later one.</summary>
    public void StartAccepting() => _accepting = AcceptAsync();

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    /// <summary>A loopback address nothing listens on: connecting is refused.</summary>
    public static Uri RefusingAddress()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        await using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                while (await ReadRequestAsync(stream) is { } request)
                {
                    Requests.Enqueue(request);
                    var reply = _script(Interlocked.Increment(ref _count) - 1);
                    if (!await reply.SendAsync(socket, stream, _stop.Token))
                    {
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (e.g. it refused a 50 MB body): nothing more to do.
            }
        }
    }

    private static async Task<Recorded?> ReadRequestAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = string.Empty;
        if (headers.TryGetValue("Content-Length", out var length) && int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var n)
        {
            var buffer = new byte[n];
            await stream.ReadExactlyAsync(buffer);
            body = Encoding.UTF8.GetString(buffer);
        }

        return new Recorded(parts[0], parts[1], headers, body);
    }

    public sealed record Recorded(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);
}
