using System.CommandLine.Parsing;
using System.Globalization;

namespace Astro.Triggers.Cli.Commands;

/// <summary>Durations as CI users write them: <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>500ms</c>, a number of seconds, or
/// <c>hh:mm:ss</c>.</summary>
internal static class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        (string Suffix, double Factor)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)];
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number > 0)
            {
                value = TimeSpan.FromSeconds(number * factor);
                return true;
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
    }

    /// <summary>A System.CommandLine parser for a duration option.</summary>
    public static TimeSpan Parse(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (TryParse(token, out var value))
        {
            return value;
        }

        result.AddError($"'{token}' is not a duration: use e.g. 90s, 15m, 2h, 500ms or hh:mm:ss.");
        return default;
    }
}
