using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Astro.Triggers.Sdk.Redis.Tests;

/// <summary>A redis-server of the test's own: Debian's package (installed here when missing and the test runs as root),
/// on a free loopback port, in a temp folder, persisting nothing (<c>--save ''</c>), stopped by its PID.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private RedisServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Why no server can be started here, or null when one can (redis-server found or installed).</summary>
    public static string? Unavailable { get; } = Find() is null ? "redis-server is not installed and could not be installed (apt-get install -y redis-server, as root)" : null;

    /// <summary>Starts a server on <paramref name="port"/>, or on a free port.</summary>
    public static async Task<RedisServer> StartAsync(int? port = null)
    {
        var exe = Find() ?? throw new InvalidOperationException(Unavailable);
        var folder = Directory.CreateTempSubdirectory("astro-redis-").FullName;
        port ??= FreePort();
        var start = new ProcessStartInfo(exe)
        {
            ArgumentList = { "--port", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder, "--save", "", "--appendonly", "no", "--daemonize", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, folder, port.Value);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port.Value);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"redis-server did not listen on {port} within 5 s");
    }

    /// <summary>Every key and every value in the server, as text (for "the credential is never stored").</summary>
    public async Task<string> DumpAsync()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration + ",allowAdmin=true");
        var server = connection.GetServer(Configuration);
        var db = connection.GetDatabase();
        var text = new System.Text.StringBuilder();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            text.Append(key.ToString()).Append('\n');
            var type = await db.KeyTypeAsync(key);
            if (type == RedisType.Hash)
            {
                foreach (var entry in await db.HashGetAllAsync(key))
                {
                    text.Append(entry.Name).Append('=').Append(entry.Value).Append('\n');
                }
            }
            else if (type == RedisType.SortedSet)
            {
                foreach (var member in await db.SortedSetRangeByRankAsync(key))
                {
                    text.Append(member).Append('\n');
                }
            }
            else
            {
                text.Append(await db.StringGetAsync(key)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Stops the server by its PID (SIGKILL: what a crashed Redis looks like to clients).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find()
    {
        string[] candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];
        if (candidates.FirstOrDefault(File.Exists) is { } found)
        {
            return found;
        }

        // CI installs it (.ci/test); a developer machine where the tests run as root gets it here.
        if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            Run("apt-get", "-o DPkg::Lock::Timeout=600 -qq install -y redis-server");
            if (!File.Exists(candidates[0]))
            {
                Run("apt-get", "-qq update");
                Run("apt-get", "-o DPkg::Lock::Timeout=600 -qq install -y redis-server");
            }
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    private static void Run(string file, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit(600_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}
