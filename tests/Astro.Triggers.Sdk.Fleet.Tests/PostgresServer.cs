using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Astro.Triggers.Sdk.Fleet.Tests;

/// <summary>A PostgreSQL server of the test's own: Debian's package (installed here when missing and the test runs as
/// root), a cluster made by initdb in a temp folder, started by pg_ctl on a free loopback port (its socket in that folder
/// too), stopped by the postmaster's PID. PostgreSQL refuses to run as root: as root, the folder is given to the
/// <c>postgres</c> user the package creates and the programs run as that user (<c>runuser</c>).</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;

    private PostgresServer(string folder, int port, int pid)
    {
        _folder = folder;
        Port = port;
        ProcessId = pid;
    }

    public int Port { get; }

    public int ProcessId { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Maximum Pool Size=20";

    /// <summary>Why no server can be started here, or null when one can.</summary>
    public static string? Unavailable { get; } = Find() is null
        ? "PostgreSQL is not installed and could not be installed (apt-get install -y postgresql, as root)"
        : null;

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Find() ?? throw new InvalidOperationException(Unavailable);
        var folder = Directory.CreateTempSubdirectory("astro-postgres-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["-R", "postgres:postgres", folder]);
        }

        Run(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        var port = FreePort();
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        Run(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
        var pid = int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var server = new PostgresServer(folder, port, pid);
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server by the postmaster's PID (SIGINT: PostgreSQL's fast shutdown), SIGKILL after 20 s.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var postmaster = Process.GetProcessById(ProcessId);
            Run("kill", ["-INT", ProcessId.ToString(CultureInfo.InvariantCulture)]);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await postmaster.WaitForExitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                postmaster.Kill();
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find()
    {
        static string? Installed() => Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

        if (Installed() is { } found)
        {
            return found;
        }

        // CI installs it (.ci/test); a developer machine where the tests run as root gets it here.
        if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            TryRun("apt-get", ["-o", "DPkg::Lock::Timeout=600", "-qq", "install", "-y", "postgresql"]);
            if (Installed() is null)
            {
                TryRun("apt-get", ["-qq", "update"]);
                TryRun("apt-get", ["-o", "DPkg::Lock::Timeout=600", "-qq", "install", "-y", "postgresql"]);
            }
        }

        return Installed();
    }

    private static void Run(bool asPostgres, string file, string[] arguments) =>
        Run(asPostgres ? "runuser" : file, asPostgres ? ["-u", "postgres", "--", file, .. arguments] : arguments);

    private static void Run(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new InvalidOperationException($"{file} did not finish within 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {output.Result}{error.Result}");
        }
    }

    private static void TryRun(string file, string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit(600_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}
