using System.Net;
using System.Net.Sockets;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>Issue 25, kind 4: a loopback server whose accept queue is full, so a new connection never completes. The
/// listener has a backlog of 0 and accepts nothing; the test fills its queue with connections of its own until one more
/// raw connect times out — proof that the kernel now drops new SYNs (Linux) and a client's connect hangs.
/// <see cref="Release"/> lets the server accept (the queued connections first), after which it answers like a
/// <see cref="ScriptedServer"/>. Traffic stays on loopback.</summary>
public sealed class SaturatedListener : IAsyncDisposable
{
    private readonly List<Socket> _fillers = [];

    private SaturatedListener(Func<int, Reply> script) => Server = new ScriptedServer(script, backlog: 0, accept: false);

    public ScriptedServer Server { get; }

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>A server whose queue is verified full; <paramref name="script"/> answers once it is released.</summary>
    public static async Task<SaturatedListener> CreateAsync(Func<int, Reply>? script = null)
    {
        var queue = new SaturatedListener(script ?? (_ => Reply.Json(200, "{}")));
        var endpoint = new IPEndPoint(IPAddress.Loopback, queue.BaseAddress.Port);
        for (var i = 0; i < 64; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var patience = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            try
            {
                await socket.ConnectAsync(endpoint, patience.Token);
                queue._fillers.Add(socket);
            }
            catch (OperationCanceledException)
            {
                // This connect hung: the queue is full and further SYNs are dropped.
                socket.Dispose();
                return queue;
            }
        }

        await queue.DisposeAsync();
        throw new InvalidOperationException("The accept queue never filled: connects to a full queue do not hang on this system.");
    }

    /// <summary>Frees the queue: the server accepts from now on (the queued test connections are closed and accepted first).</summary>
    public void Release()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _fillers.Clear();
        Server.StartAccepting();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        await Server.DisposeAsync();
    }
}
