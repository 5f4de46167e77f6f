namespace Astro.Triggers.Cli.Output;

/// <summary>What the CLI gets from its process: environment, streams, whether they are terminals, and the interrupt
/// signal. Tests build one in memory so every command runs in-process without touching the real console.</summary>
internal sealed class CliHost
{
    public CliHost(TextWriter output, TextWriter error, Func<string, string?> environment, bool outputIsTerminal, CancellationToken interrupted)
    {
        Output = output;
        Error = error;
        Environment = environment;
        OutputIsTerminal = outputIsTerminal;
        Interrupted = interrupted;
    }

    /// <summary>stdout: results (human text, or the one JSON document with --json).</summary>
    public TextWriter Output { get; }

    /// <summary>stderr: logs, progress with --json, errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable; null when unset or empty.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>stdout is an interactive terminal (not redirected to a file or a CI log).</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>Signalled by Ctrl+C or SIGTERM: stops waiting, never the run.</summary>
    public CancellationToken Interrupted { get; }

    /// <summary>The real process: Console streams, Ctrl+C and SIGTERM wired to <see cref="Interrupted"/>.</summary>
    public static CliHost FromProcess(CancellationTokenSource interrupt)
    {
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C ends the wait cleanly (exit 130 and a message); a second one kills the process as usual.
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        };
        return new CliHost(
            Console.Out,
            Console.Error,
            name => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null,
            !Console.IsOutputRedirected,
            interrupt.Token);
    }
}
