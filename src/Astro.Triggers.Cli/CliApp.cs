using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Services;

namespace Astro.Triggers.Cli;

/// <summary>The command tree and its invocation. Parse errors exit 2 (usage) before anything is sent, with one error
/// document under --json like every other outcome; everything else exits as <see cref="ExitCodes"/> documents.</summary>
internal static class CliApp
{
    private const string Description = """
        astro-triggers: start, list and wait for jobs on Agentset, Astropod, TrueFoundry, Shipyard and Mixpeek from a
        shell or CI, and serve offline fakes of all five (`fakes`). Commands are <service> <noun> <verb>, in the SDK's
        words: `start` starts a run everywhere, `wait` follows runs started earlier.

        Keys come from the environment (or a --config file), never from flags:
          AGENTSET_API_KEY, AGENTSET_NAMESPACE_ID        ASTROPOD_TOKEN, ASTROPOD_ACCOUNT
          TFY_API_KEY, TFY_BASE_URL, TFY_APPLICATION_ID  SHIPYARD_API_KEY, SHIPYARD_ORG_ID/_PROJECT_ID/_FLEET_ID
          MIXPEEK_API_KEY, MIXPEEK_NAMESPACE             <SERVICE>_BASE_URL overrides a service's address
        Exit codes: 0 succeeded; 1 the run failed or was cancelled; 2 usage error (nothing sent); 3 the wait timed out
        (the run goes on); 4 the service refused the call (4xx, or a credential that could not be refreshed); 5 no usable
        answer (transport/5xx; says whether it may have been processed); 70 a bug in astro-triggers; 130 interrupted by
        SIGINT, 143 by SIGTERM (waiting stopped, the run goes on).
        """;

    public static RootCommand Build(CliHost host, IOfflineServices? offline)
    {
        var factory = new CommandFactory(host, offline);
        var root = new RootCommand(Description);
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(AgentsetCommands.Build(factory));
        root.Subcommands.Add(AstropodCommands.Build(factory));
        root.Subcommands.Add(TrueFoundryCommands.Build(factory));
        root.Subcommands.Add(ShipyardCommands.Build(factory));
        root.Subcommands.Add(MixpeekCommands.Build(factory));
        root.Subcommands.Add(WaitCommand.BuildRenamed(factory));
#if ASTRO_FAKES
        root.Subcommands.Add(Fakes.FakesCommand.Build(factory));
#endif
        return root;
    }

    /// <summary>How arguments are read: no response files. System.CommandLine reads a token starting with '@' as a file
    /// of arguments, so <c>--cron "@daily"</c> failed with "Response file not found"; nobody passes arguments so here.</summary>
    public static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    public static async Task<int> RunAsync(string[] args, CliHost host, IOfflineServices? offline)
    {
        var json = false;
        try
        {
            var parse = Build(host, offline).Parse(args, Parsing);
            json = parse.GetResult(GlobalOptions.Json) is { } result ? result.GetValueOrDefault<bool>() : WantsJson(args);
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                return await UsageErrorsAsync(host, parse, json).ConfigureAwait(false);
            }

            var configuration = new InvocationConfiguration
            {
                Output = host.Output,
                Error = host.Error,
                // Interrupts are the host's: a command stops waiting, reports and exits 130/143 itself.
                ProcessTerminationTimeout = null,
                // Every command reports its own failures; anything that escapes is a bug, reported below.
                EnableDefaultExceptionHandler = false,
            };
            return await parse.InvokeAsync(configuration, host.Interrupted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var (code, message, error) = ErrorReport.Bug(ex);
            await host.Error.WriteLineAsync($"astro-triggers: {message}").ConfigureAwait(false);
            if (json)
            {
                await host.Output.WriteLineAsync(Documents.Envelope(Documents.Error, null, code, error).ToJsonString()).ConfigureAwait(false);
            }

            return code;
        }
    }

    /// <summary>--json before a "--" (used when the parse failed too early to say).</summary>
    private static bool WantsJson(string[] args) => args.TakeWhile(a => a != "--").Contains("--json", StringComparer.Ordinal);

    private static async Task<int> UsageErrorsAsync(CliHost host, ParseResult parse, bool json)
    {
        var messages = UsageErrors.Describe(parse);
        foreach (var message in messages)
        {
            await host.Error.WriteLineAsync($"astro-triggers: {message}").ConfigureAwait(false);
        }

        var path = CommandFactory.Path(parse.CommandResult);
        await host.Error.WriteLineAsync($"Run 'astro-triggers {(path.Length > 0 ? path + " " : string.Empty)}--help' for usage.").ConfigureAwait(false);
        if (json)
        {
            var service = ServiceNames.DisplayOrNull(path.Split(' ')[0]);
            var output = new CliOutput(host, new Sdk.Core.Security.KnownSecrets(), json: true, verbose: false);
            output.Document(Documents.Envelope(Documents.Error, service, ExitCodes.Usage, Documents.ErrorObject("usage", string.Join("; ", messages))));
        }

        return ExitCodes.Usage;
    }
}
