using System.CommandLine.Parsing;
using System.Globalization;

namespace Astro.Triggers.Cli.Commands;

/// <summary>Durations as CI users write them: <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>500ms</c>, a number of seconds, or
/// <c>hh:mm:ss</c>. Zero and negative durations are read (so the message can say the rule) and refused by
/// <see cref="Parse"/>.</summary>
internal static class Durations
{
    /// <summary>Reads a duration of any sign; false only when the text is not a duration at all.</summary>
    public static bool TryRead(string? text, out TimeSpan value)
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
                && double.IsFinite(number) && Math.Abs(number * factor) < TimeSpan.MaxValue.TotalSeconds)
            {
                value = TimeSpan.FromSeconds(number * factor);
                return true;
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A positive duration.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => TryRead(text, out value) && value > TimeSpan.Zero;

    /// <summary>The message for a duration option's value, or null when it is a positive duration.</summary>
    public static string? Check(string flag, string? text, out TimeSpan value)
    {
        if (!TryRead(text, out value))
        {
            return $"{flag}: '{text}' is not a duration: use e.g. 90s, 15m, 2h, 500ms or hh:mm:ss.";
        }

        return value > TimeSpan.Zero ? null : $"{flag}: must be more than zero (was '{text}').";
    }

    /// <summary>A System.CommandLine parser for a duration option; its messages name the option.</summary>
    public static TimeSpan Parse(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        var flag = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        if (Check(flag, token, out var value) is { } problem)
        {
            result.AddError(problem);
            return default;
        }

        return value;
    }
}
