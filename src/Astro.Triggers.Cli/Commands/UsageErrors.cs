using System.CommandLine;
using System.CommandLine.Parsing;

namespace Astro.Triggers.Cli.Commands;

/// <summary>The parser's errors as one line each: an unknown option or command says what it probably meant
/// (<c>--txt</c>: did you mean --text?) and its value is not reported again as a second unknown word.</summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var unmatched = parse.UnmatchedTokens;
        if (unmatched.Count == 0)
        {
            return [.. parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal)];
        }

        var command = parse.CommandResult.Command;
        var options = OptionNames(parse.CommandResult).ToList();
        var lines = new List<string>();
        var skipNext = false;
        foreach (var token in unmatched)
        {
            if (skipNext)
            {
                skipNext = false;
                if (!token.StartsWith('-'))
                {
                    continue;
                }
            }

            if (token.StartsWith('-'))
            {
                var name = token.Split('=')[0];
                lines.Add($"unknown option '{name}' for '{CommandFactory.Path(parse.CommandResult)}'{Suggest(name, options)}");
                // "--txt hi": 'hi' is the unknown option's value, not a second mistake.
                skipNext = !token.Contains('=', StringComparison.Ordinal);
            }
            else if (command.Subcommands.Any(c => !c.Hidden))
            {
                lines.Add($"unknown command '{token}'{Suggest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}");
                break;
            }
            else
            {
                lines.Add($"unexpected argument '{token}'");
            }
        }

        return lines;
    }

    /// <summary>" (did you mean --text?)" for the closest name within two edits or sharing a prefix, else "".</summary>
    public static string Suggest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(typed, c)))
            .Where(c => c.Distance <= Math.Max(2, typed.Length / 3) || (typed.TrimStart('-').Length >= 3 && c.Name.TrimStart('-').StartsWith(typed.TrimStart('-'), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
        return best is null ? string.Empty : $" (did you mean {best}?)";
    }

    /// <summary>The options a command accepts: its own and the recursive ones of its parents.</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        var own = true;
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
        {
            foreach (var option in c.Command.Options.Where(o => !o.Hidden && (own || o.Recursive)))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                {
                    yield return alias;
                }
            }

            own = false;
        }
    }

    /// <summary>Levenshtein distance, case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
