using System.CommandLine;
using System.CommandLine.Help;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Services;

namespace Astro.Triggers.Cli;

/// <summary>The command tree and its invocation. Parse errors exit 2 (usage) before anything is sent; everything else
/// exits as <see cref="ExitCodes"/> documents.</summary>
internal static class CliApp
{
    private const string Description = """
        astro-triggers: trigger, list and wait for jobs on Agentset, Astropod, TrueFoundry, Shipyard and Mixpeek from a
        shell or CI, and serve offline fakes of all five (`fakes`).

        Keys come from the environment (or a --config file), never from flags:
          AGENTSET_API_KEY, AGENTSET_NAMESPACE_ID        ASTROPOD_TOKEN, ASTROPOD_ACCOUNT
          TFY_API_KEY, TFY_BASE_URL, TFY_APPLICATION_ID  SHIPYARD_API_KEY, SHIPYARD_ORG_ID/_PROJECT_ID/_FLEET_ID
          MIXPEEK_API_KEY, MIXPEEK_NAMESPACE             <SERVICE>_BASE_URL overrides a service's address
        Exit codes: 0 succeeded; 1 the run failed or was cancelled; 2 usage error (nothing sent); 3 --wait timed out
        (the run goes on); 4 the service refused the call (4xx); 5 transport/5xx failure (says whether it may have been
        processed); 130 interrupted (waiting stopped, the run goes on).
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
        root.Subcommands.Add(WaitCommand.Build(factory));
#if ASTRO_FAKES
        root.Subcommands.Add(Fakes.FakesCommand.Build(factory));
#endif
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliHost host, IOfflineServices? offline)
    {
        var parse = Build(host, offline).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await host.Error.WriteLineAsync($"astro-triggers: {error.Message}").ConfigureAwait(false);
            }

            await host.Error.WriteLineAsync("Run 'astro-triggers --help' (or '<command> --help') for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Output,
            Error = host.Error,
            // Interrupts are the host's: a command stops waiting, reports and exits 130 itself.
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(configuration, host.Interrupted).ConfigureAwait(false);
    }
}
