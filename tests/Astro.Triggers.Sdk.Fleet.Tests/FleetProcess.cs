using System.Collections.Concurrent;
using System.Diagnostics;

namespace Astro.Triggers.Sdk.Fleet.Tests;

/// <summary>A program of the repository's started as its own process (<c>dotnet the.dll …</c>) with its output collected;
/// stopped by its PID.</summary>
public sealed class FleetProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private FleetProcess(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The output folder of a project in this repository built in the tests' configuration.</summary>
    public static string Program(string projectFolder, string assembly)
    {
        var here = AppContext.BaseDirectory; // …/tests/X/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(here).Parent!.Name;
        var root = new DirectoryInfo(here);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Astro.Triggers.Sdk.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, projectFolder, "bin", configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built (it is a reference of the test project)", path);
    }

    public static FleetProcess Start(string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var started = new FleetProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { started._lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { started._lines.Enqueue("stderr: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"process {ProcessId} did not exit within {timeout}:\n{Output}");
        }

        _process.WaitForExit(); // the output's end
        return _process.ExitCode;
    }

    /// <summary>SIGKILL by PID: a worker that dies, as a pod evicted or a machine lost.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

/// <summary>A test that needs redis-server and PostgreSQL: skipped, with the reason, only when either is missing and
/// cannot be installed, and this is not CI (<c>CI=true</c>: .ci/test installs both, so a missing one fails the test).</summary>
public sealed class FleetFactAttribute : FactAttribute
{
    public FleetFactAttribute()
    {
        if ((Astro.Triggers.Sdk.Redis.Tests.RedisServer.Unavailable ?? PostgresServer.Unavailable) is { } reason && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = reason;
        }
    }
}
