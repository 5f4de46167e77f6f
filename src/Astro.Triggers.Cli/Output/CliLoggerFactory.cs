using Microsoft.Extensions.Logging;

namespace Astro.Triggers.Cli.Output;

/// <summary>Hands the SDK's own logs (one line per HTTP attempt: method, redacted URI, status, duration) to stderr
/// with --verbose, through the CLI's mask as a second line of defence. A hand-written factory rather than
/// Microsoft.Extensions.Logging.Console: one small class instead of a package and its start-up cost.</summary>
internal sealed class CliLoggerFactory(CliOutput output) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(output);

    public void AddProvider(ILoggerProvider provider)
    {
        // Nothing else receives the CLI's logs: stderr is the only sink.
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CliOutput output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => output.Verbose && logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = formatter(state, exception);
            output.Trace(exception is null ? $"http: {text}" : $"http: {text} ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
