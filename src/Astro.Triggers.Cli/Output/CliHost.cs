using System.Runtime.InteropServices;

namespace Astro.Triggers.Cli.Output;

/// <summary>What the CLI gets from its process: environment, streams, whether they are terminals, and the interrupt
/// signal. Tests build one in memory so every command runs in-process without touching the real console.</summary>
internal sealed class CliHost
{
    public CliHost(TextWriter output, TextWriter error, Func<string, string?> environment, bool outputIsTerminal, CancellationToken interrupted, Func<int>? interruptExitCode = null)
    {
        Output = output;
        Error = error;
        Environment = environment;
        OutputIsTerminal = outputIsTerminal;
        Interrupted = interrupted;
        InterruptExitCode = interruptExitCode ?? (() => ExitCodes.Interrupted);
    }

    /// <summary>stdout: results (human text, or the one JSON document with --json).</summary>
    public TextWriter Output { get; }

    /// <summary>stderr: logs, progress with --json, errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads an environment variable; null when unset or empty.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>stdout is an interactive terminal (not redirected to a file or a CI log).</summary>
    public bool OutputIsTerminal { get; }

    /// <summary>Signalled by SIGINT (Ctrl+C) or SIGTERM: stops waiting, never the run.</summary>
    public CancellationToken Interrupted { get; }

    /// <summary>The exit code of the signal that interrupted: 130 for SIGINT, 143 for SIGTERM.</summary>
    public Func<int> InterruptExitCode { get; }

    /// <summary>The real process: Console streams, SIGINT and SIGTERM wired to <see cref="Interrupted"/> (the first
    /// signal decides the exit code). Dispose the returned registrations when the process ends.</summary>
    public static CliHost FromProcess(CancellationTokenSource interrupt, out IDisposable signals)
    {
        var code = ExitCodes.Interrupted;
        var gate = new object();
        void On(PosixSignalContext context, int exitCode)
        {
            lock (gate)
            {
                // The first signal ends the wait cleanly (a message and its exit code); a second one ends the process as usual.
                context.Cancel = !interrupt.IsCancellationRequested;
                if (!interrupt.IsCancellationRequested)
                {
                    code = exitCode;
                    interrupt.Cancel();
                }
            }
        }

        var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => On(c, ExitCodes.Interrupted));
        var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => On(c, ExitCodes.Terminated));
        signals = new Registrations(sigint, sigterm);
        return new CliHost(
            Console.Out,
            Console.Error,
            name => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null,
            !Console.IsOutputRedirected,
            interrupt.Token,
            () => Volatile.Read(ref code));
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
