using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Astro.Triggers.Cli.Tests;

/// <summary>The tool as a user gets it: packed from this build, installed into a temporary tool path from a folder
/// feed, `--help`, then a `--wait --json` trigger against `astro-triggers fakes` running as a separate process.
/// Offline-safe: the pack uses the local build only; the install reads the folder feed (other feeds may fail).</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Packed_tool_installs_runs_help_and_waits_on_a_trigger_against_the_fakes_process()
    {
        var root = RepoRoot();
        var work = Directory.CreateTempSubdirectory("astro-cli-e2e-").FullName;
        var feed = Path.Combine(work, "feed");
        var tools = Path.Combine(work, "tools");
        var configuration = typeof(EndToEndTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        Process? fakes = null;
        try
        {
            var pack = await RunAsync("dotnet", root, null, "pack", Path.Combine(root, "src", "Astro.Triggers.Cli", "Astro.Triggers.Cli.csproj"), "-c", configuration, "--no-build", "-o", feed);
            pack.Code.Should().Be(0, pack.Output);
            var install = await RunAsync("dotnet", work, null, "tool", "install", "--tool-path", tools, "--add-source", feed, "--ignore-failed-sources", "Astro.Triggers.Cli", "--version", "0.1.0");
            install.Code.Should().Be(0, install.Output);
            var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "astro-triggers.exe" : "astro-triggers");

            var help = await RunAsync(tool, work, null, "--help");
            help.Code.Should().Be(0, help.Output);
            help.Output.Should().Contain("truefoundry").And.Contain("fakes");

            var described = Path.Combine(work, "fakes.json");
            fakes = Start(tool, work, null, "fakes", "--fast", "--out", described);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(described))
            {
                fakes.HasExited.Should().BeFalse("the fakes process should keep serving");
                DateTime.UtcNow.Should().BeBefore(deadline);
                await Task.Delay(100);
            }

            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(described));
            var env = document.RootElement.GetProperty("services").GetProperty("truefoundry").GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var run = await RunAsync(tool, work, env, "truefoundry", "job-runs", "start", "--param", "day=1", "--wait", "--json", "--poll-interval", "100ms");

            run.Code.Should().Be(0, run.Output + run.Error);
            using var result = JsonDocument.Parse(run.Output);
            result.RootElement.GetProperty("status").GetString().Should().Be("succeeded");
            result.RootElement.GetProperty("rawStatus").GetString().Should().Be("FINISHED");

            // SIGTERM (what a CI runner sends) stops the server cleanly.
            if (!OperatingSystem.IsWindows())
            {
                (await RunAsync("kill", work, null, "-TERM", fakes.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Code.Should().Be(0);
                using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await fakes.WaitForExitAsync(exited.Token);
                fakes.ExitCode.Should().Be(0);
            }
        }
        finally
        {
            if (fakes is { HasExited: false })
            {
                fakes.Kill(entireProcessTree: true);
            }

            fakes?.Dispose();
            Directory.Delete(work, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Astro.Triggers.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Astro.Triggers.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    private static Process Start(string file, string directory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The tool's shim finds the runtime that runs these tests.
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string file, string directory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        using var process = Start(file, directory, env, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
