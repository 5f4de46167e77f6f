using System.CommandLine;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk.Core.Security;
using Microsoft.Extensions.Configuration;

namespace Astro.Triggers.Cli.Commands;

/// <summary>One command's run: parsed values, output, settings (environment, --config, an offline fake) and the
/// interrupt signal. Disposing it stops the fakes and clients it started.</summary>
internal sealed class Invocation : IAsyncDisposable
{
    private readonly CliHost _host;
    private readonly IOfflineServices? _offline;
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly Dictionary<string, string> _offlineEnvironment = new(StringComparer.Ordinal);
    private IConfiguration? _configFile;

    public Invocation(CliHost host, ParseResult parse, IOfflineServices? offline, string service)
    {
        _host = host;
        _offline = offline;
        Parse = parse;
        Service = service;
        Out = new CliOutput(host, new KnownSecrets(), parse.GetValue(GlobalOptions.Json), parse.GetValue(GlobalOptions.Verbose));
    }

    public ParseResult Parse { get; }

    public CliOutput Out { get; }

    /// <summary>The service the command talks to (a <see cref="ServiceNames"/> value), for messages.</summary>
    public string Service { get; set; }

    public CancellationToken Cancellation => _host.Interrupted;

    public bool Interrupted => _host.Interrupted.IsCancellationRequested;

    /// <summary>130 after SIGINT, 143 after SIGTERM.</summary>
    public int InterruptExitCode => _host.InterruptExitCode();

    public bool Offline => Parse.GetValue(GlobalOptions.Offline);

    public TimeSpan Timeout => Parse.GetResult(GlobalOptions.Timeout) is null or { Implicit: true }
        ? GlobalOptions.DefaultTimeout
        : Parse.GetValue(GlobalOptions.Timeout);

    /// <summary>The first poll interval; against an embedded fake (whose runs end within a second) 200 ms unless given.</summary>
    public TimeSpan PollInterval => Parse.GetResult(GlobalOptions.PollInterval) is null or { Implicit: true }
        ? (Offline ? TimeSpan.FromMilliseconds(200) : new Astro.Triggers.Sdk.RunWaitOptions().PollInterval)
        : Parse.GetValue(GlobalOptions.PollInterval);

    /// <summary>The wait between reads as a fraction of the time waited so far (<see cref="Astro.Triggers.Sdk.RunWaitOptions.PollIntervalRatio"/>).</summary>
    public double PollIntervalRatio => Parse.GetValue(GlobalOptions.PollIntervalRatio);

    public T? Get<T>(Option<T> option) => Parse.GetValue(option);

    public T? Get<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>A setting from the environment, or from the embedded fake with --offline.</summary>
    public string? Env(string name) =>
        _offlineEnvironment.TryGetValue(name, out var value) ? value : _host.Environment(name);

    /// <summary>A value that must be there: from a flag, else the variable; otherwise a usage error naming both.</summary>
    public string Require(string? flagValue, string variable, string flag, string what) =>
        flagValue is { Length: > 0 } ? flagValue
        : Env(variable) ?? throw new CliUsageException($"missing {what}: pass {flag} or set {variable}");

    /// <summary>The --config file's section for a service (e.g. "Agentset"), or null without --config.</summary>
    public IConfigurationSection? ConfigSection(string service)
    {
        if (Parse.GetValue(GlobalOptions.Config) is not { } file)
        {
            return null;
        }

        if (_configFile is null)
        {
            if (!file.Exists)
            {
                throw new CliUsageException($"--config: file '{file.FullName}' does not exist");
            }

            try
            {
                _configFile = new ConfigurationBuilder().AddJsonFile(file.FullName, optional: false, reloadOnChange: false).Build();
            }
            catch (Exception ex) when (ex is FormatException or InvalidDataException or IOException)
            {
                throw new CliUsageException($"--config: '{file.Name}' is not valid JSON: {ex.Message}");
            }
        }

        var section = _configFile.GetSection(ServiceNames.Display(service));
        return section.Exists() ? section : null;
    }

    /// <summary>With --offline, starts the service's embedded fake and takes its variables; otherwise does nothing.</summary>
    public void StartOfflineIfAsked(string service)
    {
        if (!Offline)
        {
            return;
        }

        if (_offline is null)
        {
            throw new CliUsageException(OfflineSupport.Missing);
        }

        var started = _offline.Start(service);
        _owned.Add(started.Fake);
        foreach (var (name, value) in started.Environment)
        {
            _offlineEnvironment[name] = value;
        }

        Out.Log($"offline: {ServiceNames.Display(service)} fake at {started.Environment.Values.FirstOrDefault(v => v.StartsWith("http://127.0.0.1", StringComparison.Ordinal))}");
    }

    /// <summary>Disposed with the invocation (clients, fakes).</summary>
    public T Own<T>(T value)
        where T : IDisposable
    {
        _owned.Add(new DisposeAdapter(value));
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class DisposeAdapter(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
