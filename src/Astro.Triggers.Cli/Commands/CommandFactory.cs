using System.CommandLine;
using System.CommandLine.Parsing;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Cli.Output;

namespace Astro.Triggers.Cli.Commands;

/// <summary>Builds commands whose action runs inside an <see cref="Invocation"/>: failures become exit codes through
/// <see cref="ErrorReport"/>, and fakes and clients are disposed afterwards. Also builds the hidden spellings of 0.x
/// (<see cref="Renamed"/>), which run the same action after a notice on stderr.</summary>
internal sealed class CommandFactory(CliHost host, IOfflineServices? offline)
{
    private readonly Dictionary<Command, string> _renamed = [];

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
                if (_renamed.TryGetValue(parse.CommandResult.Command, out var now))
                {
                    invocation.Out.Log($"astro-triggers: notice: `{Path(parse.CommandResult)}` is now `{now}`; the old spelling still works in 1.x and goes in 2.0.");
                }

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

    /// <summary>A hidden command spelled as in 0.x that runs <paramref name="current"/> (same options, arguments, checks
    /// and action) after saying its new spelling, <paramref name="newSpelling"/>.</summary>
    public Command Renamed(string oldName, Command current, string newSpelling)
    {
        var old = new Command(oldName, current.Description) { Hidden = true };
        foreach (var option in current.Options)
        {
            old.Options.Add(option);
        }

        foreach (var argument in current.Arguments)
        {
            old.Arguments.Add(argument);
        }

        foreach (var validator in current.Validators)
        {
            old.Validators.Add(validator);
        }

        old.Action = current.Action;
        _renamed[old] = newSpelling;
        return old;
    }

    /// <summary>A hidden group spelled as in 0.x.</summary>
    public static Command RenamedGroup(string oldName, params Command[] children)
    {
        var group = Group(oldName, string.Empty, children);
        group.Hidden = true;
        return group;
    }

    /// <summary>The command path as typed, e.g. "agentset jobs create".</summary>
    public static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c && c.Parent is not null; r = c.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return string.Join(' ', names);
    }
}
