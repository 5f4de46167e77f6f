using System.Globalization;
using System.Text;

namespace Astro.Triggers.Sdk.Core;

/// <summary>The one way a duration is written in a message (exceptions, the CLI's lines): "300 ms", "1.6 s",
/// "2 min 5 s", "1 h 30 min", "infinite" — never TimeSpan's "00:00:00.3000000". Invariant culture. The CLI compiles
/// this file in too (linked source), so both say the same.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan value)
    {
        if (value == Timeout.InfiniteTimeSpan)
        {
            return "infinite";
        }

        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value == TimeSpan.MinValue ? TimeSpan.MaxValue : value.Negate());
        }

        if (value == TimeSpan.Zero)
        {
            return "0 s";
        }

        var milliseconds = Math.Round(value.TotalMilliseconds, 1, MidpointRounding.AwayFromZero);
        if (milliseconds < 1000)
        {
            return milliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms";
        }

        // Below a minute a tenth of a second still matters ("1.6 s"); from a minute on, whole seconds.
        var seconds = Math.Round(value.TotalSeconds, 1, MidpointRounding.AwayFromZero);
        if (seconds < 60)
        {
            return seconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
        }

        var total = (long)Math.Round(value.TotalSeconds, MidpointRounding.AwayFromZero);
        var text = new StringBuilder();
        Part(text, total / 86_400, "d");
        Part(text, total % 86_400 / 3_600, "h");
        Part(text, total % 3_600 / 60, "min");
        Part(text, total % 60, "s");
        return text.ToString();
    }

    private static void Part(StringBuilder text, long amount, string unit)
    {
        if (amount == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
    }
}
