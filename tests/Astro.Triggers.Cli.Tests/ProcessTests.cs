using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Cli.Tests;

/// <summary>Issue 28 §2 and "Done when": the tool as a real process against a fake on loopback — SIGTERM and SIGINT
/// while waiting, the terminal path under a pseudo-terminal (util-linux `script`), a crash, and --timeout kept to the
/// letter.</summary>
public sealed class ProcessTests
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "astro-triggers.dll");

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_signal_while_waiting_exits_with_its_own_code_and_never_cancels_the_run(string signal, int expected)
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMinutes(5) });
        using var process = Start(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--json", "--poll-interval", "100ms");
        var error = new System.Text.StringBuilder();
        var waiting = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.AppendLine(e.Data);
            }

            if (e.Data?.Contains("queued (QUEUED)", StringComparison.Ordinal) == true)
            {
                waiting.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(60));

        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        var result = new CliResult(process.ExitCode, await output, error.ToString());
        result.ExitCode.Should().Be(expected, result.ToString());
        Schema.AssertValid(result);
        result.Json.GetProperty("outcome").GetString().Should().Be("interrupted");
        result.Error.Should().Contain("the run was NOT cancelled and goes on");
        fake.Requests.Should().NotContain(r => r.Method == "DELETE");
    }

    [Fact]
    public async Task On_a_terminal_the_wait_draws_a_live_status_line_and_json_stays_plain()
    {
        await using var fake = FastFakes.Agentset();

        var live = await UnderTerminalAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--poll-interval", FastFakes.Poll);
        var list = await UnderTerminalAsync(Cli.Env(fake), "agentset", "ingest-jobs", "list");
        var json = await UnderTerminalAsync(Cli.Env(fake), stdoutOnly: true, "agentset", "ingest-jobs", "start", "--text", "hi", "--json");

        live.Code.Should().Be(0, live.Output);
        live.Output.Should().Contain("\u001b[", "a terminal gets Spectre's live status line").And.MatchRegex("Agentset run job_[0-9a-f]+ succeeded");
        list.Output.Should().Contain("╭", "a terminal gets a table, not tab-separated lines");
        json.Code.Should().Be(0, json.Output);
        // The .NET runtime itself switches a terminal to keypad mode (ESC[?1h ESC=) when it first writes to it; what the CLI
        // writes after that is the one document, with no escapes of its own.
        var document = json.Output.Replace("\u001b[?1h\u001b=", string.Empty, StringComparison.Ordinal);
        document.Should().NotContain("\u001b", "--json keeps stdout one plain document, terminal or not");
        Schema.AssertValid(new CliResult(json.Code, document, string.Empty));
    }

    [Fact]
    public async Task On_a_terminal_many_runs_get_a_live_view_with_a_bar_counts_per_status_rate_and_time_left()
    {
        await using var fake = FastFakes.Agentset();
        var file = Path.Combine(Path.GetTempPath(), $"astro-live-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 6).Select(i => $$"""{"externalId": "live-{{i}}", "text": "doc {{i}}"}"""));
        try
        {
            var live = await UnderTerminalAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--from", file, "--wait", "--poll-interval", FastFakes.Poll);

            live.Code.Should().Be(0, live.Output);
            live.Output.Should().Contain("\u001b[", "a terminal gets Spectre's live view")
                .And.Contain("━", "a progress bar")
                .And.Contain("6/6 ended")
                .And.Contain("╭", "the counts per status are a table")
                .And.Contain("succeeded")
                .And.Contain("ended/min")
                .And.Contain("none left");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unexpected_crash_exits_70_and_says_it_is_a_bug()
    {
        var plain = await Cli.RunAsync(new Dictionary<string, string>(), new Crashing(), null, CancellationToken.None, "agentset", "ingest-jobs", "list", "--offline");
        var json = await Cli.RunAsync(new Dictionary<string, string>(), new Crashing(), null, CancellationToken.None, "agentset", "ingest-jobs", "list", "--offline", "--json");

        plain.ExitCode.Should().Be(70, plain.ToString());
        plain.Error.Should().Contain("this is a bug in astro-triggers").And.Contain("InvalidCastException");
        json.ExitCode.Should().Be(70);
        json.Json.GetProperty("error").GetProperty("kind").GetString().Should().Be("bug");
    }

    [Fact]
    public async Task Sigterm_in_process_is_143_and_sigint_130()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMinutes(5) });
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var result = await Cli.RunAsync(Cli.Env(fake), new EmbeddedFakesFor(), () => 143, interrupt.Token, "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--json", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(143, result.ToString());
        result.Json.GetProperty("error").GetProperty("kind").GetString().Should().Be("interrupted");
    }

    [Fact]
    public async Task A_timeout_is_kept_to_the_letter_with_a_last_read_at_the_deadline()
    {
        // With the SDK's 1 s first interval, --timeout 1s ended after the first read (~10 ms) saying "after 1s".
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMinutes(5) });
        var clock = Stopwatch.StartNew();

        var result = await Cli.RunAsync(Cli.Env(fake), "agentset", "ingest-jobs", "start", "--text", "hi", "--wait", "--timeout", "1s", "--json");

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(950));
        result.ExitCode.Should().Be(3, result.ToString());
        result.Error.Should().Contain("after 1 s");
        fake.Requests.Count(r => r.Method == "GET").Should().Be(2, "one read at the start, one at the deadline (the SDK's, not a second one of the CLI's)");
    }

    [Fact]
    public async Task Several_runs_are_followed_together()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMilliseconds(600), ProcessingTime = TimeSpan.FromMilliseconds(200) });
        var env = Cli.Env(fake);
        var first = (await Cli.RunAsync(env, "agentset", "ingest-jobs", "start", "--text", "a", "--json")).Json.GetProperty("id").GetString()!;
        var second = (await Cli.RunAsync(env, "agentset", "ingest-jobs", "start", "--text", "b", "--json")).Json.GetProperty("id").GetString()!;

        var result = await Cli.RunAsync(env, "agentset", "ingest-jobs", "wait", first, second, "--json", "--poll-interval", FastFakes.Poll);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.GetProperty("document").GetString().Should().Be("runs");
        // Followed as one group: each cycle reads the namespace's job list once for both runs, never each run on its own.
        var reads = fake.Requests.Where(r => r.Method == "GET").Select(r => r.OperationId).ToList();
        reads.Should().NotBeEmpty().And.OnlyContain(id => id == "listIngestJobs", string.Join(", ", reads));
        result.Json.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal(first, second);
        result.Json.GetProperty("runs").EnumerateArray().Should().OnlyContain(r => r.GetProperty("status").GetString() == "succeeded");
    }

    private static Process Start(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Tool);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>Runs the tool with stdout and stderr on a pseudo-terminal (util-linux `script`, in Debian's essential set).</summary>
    private static Task<(int Code, string Output)> UnderTerminalAsync(IReadOnlyDictionary<string, string> env, params string[] args) =>
        UnderTerminalAsync(env, false, args);

    private static async Task<(int Code, string Output)> UnderTerminalAsync(IReadOnlyDictionary<string, string> env, bool stdoutOnly, params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", Tool }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"))
            + (stdoutOnly ? " 2>/dev/null" : string.Empty);
        var info = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-qec", command, "/dev/null" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TERM"] = "xterm-256color";
        info.Environment["LANG"] = "C.UTF-8";
        info.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private sealed class Crashing : IOfflineServices
    {
        public OfflineService Start(string service) => throw new InvalidCastException("a bug planted by the test");
    }

    private sealed class EmbeddedFakesFor : IOfflineServices
    {
        public OfflineService Start(string service) => new Fakes.EmbeddedFakes().Start(service);
    }
}
