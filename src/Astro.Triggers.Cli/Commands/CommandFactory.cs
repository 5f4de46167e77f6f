using System.CommandLine;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Cli.Output;

namespace Astro.Triggers.Cli.Commands;

/// <summary>Builds commands whose action runs inside an <see cref="Invocation"/>: failures become exit codes through
/// <see cref="ErrorReport"/>, and fakes and clients are disposed afterwards.</summary>
internal sealed class CommandFactory(CliHost host, IOfflineServices? offline)
{
    public CliHost Host => host;

    public bool HasFakes => offline is not null;

    public Command Create(string name, string description, string service, Func<Invocation, Task<int>> action, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        command.SetAction(async (parse, _) =>
        {
            await using var invocation = new Invocation(host, parse, offline, service);
            try
            {
                return await action(invocation).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return ErrorReport.Handle(invocation, ex);
            }
        });
        return command;
    }

    public static Command Group(string name, string description, params Command[] children)
    {
        var group = new Command(name, description);
        foreach (var child in children)
        {
            group.Subcommands.Add(child);
        }

        return group;
    }
}
