using System.Net;
using System.Net.Sockets;

namespace Astro.Triggers.Cli.Fakes;

/// <summary>Serves a fake on a port the user chose: the fakes pick a free loopback port themselves, so a chosen port
/// is a loopback TCP listener that pipes each connection to the fake's own port.</summary>
internal sealed class PortForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public PortForwarder(int port, int target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected end of the accept loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _target, _stop.Token).ConfigureAwait(false);
                var down = client.GetStream();
                var up = upstream.GetStream();
                // Either side closing ends the connection (the fake's dropped-connection fault reaches the client as such).
                await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A connection that breaks ends here; the other connections go on.
            }
        }
    }
}
