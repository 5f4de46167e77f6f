using System.Globalization;

namespace Astro.Triggers.Sdk.Core.Retry;

/// <summary>An HTTP-date (RFC 9110 §5.6.7), as every client reads it (conformance rule retry-after): the IMF-fixdate
/// <c>Sun, 06 Nov 1994 08:49:37 GMT</c>, and the obsolete forms a recipient must also accept, RFC 850
/// <c>Sunday, 06-Nov-94 08:49:37 GMT</c> (a two-digit year more than 50 years ahead of now is the last such year in the
/// past) and asctime <c>Sun Nov  6 08:49:37 1994</c>. Nothing else: not ISO 8601, not what a lenient parser reads.
/// Hand-written (no regex, no culture data) because every answer's <c>Date</c> goes through it.</summary>
internal static class HttpDate
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] LongDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The moment the text names, or null when it is not an HTTP-date.</summary>
    /// <param name="value">The header value, already trimmed.</param>
    /// <param name="now">Now, to place an RFC 850 two-digit year.</param>
    public static DateTimeOffset? Parse(ReadOnlySpan<char> value, DateTimeOffset now)
    {
        // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (29 characters).
        if (value.Length == 29 && IsDay(value[..3], Days) && value[3..5] is ", " && value[7] == ' ' && value[11] == ' ' && value[16] == ' ' && value[25..] is " GMT")
        {
            return Make(Number(value.Slice(12, 4)), value.Slice(8, 3), Number(value.Slice(5, 2)), value.Slice(17, 8));
        }

        // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT".
        var comma = value.IndexOf(',');
        if (comma > 0 && IsDay(value[..comma], LongDays))
        {
            var rest = value[(comma + 1)..];
            if (rest.Length == 23 && rest[0] == ' ' && rest[3] == '-' && rest[7] == '-' && rest[10] == ' ' && rest[19..] is " GMT" && Number(rest.Slice(8, 2)) is { } yy)
            {
                var year = (now.Year / 100 * 100) + yy;
                year = year > now.Year + 50 ? year - 100 : year <= now.Year - 50 ? year + 100 : year;
                return Make(year, rest.Slice(4, 3), Number(rest.Slice(1, 2)), rest.Slice(11, 8));
            }

            return null;
        }

        // asctime: "Sun Nov  6 08:49:37 1994" (the day padded with a space).
        if (value.Length == 24 && IsDay(value[..3], Days) && value[3] == ' ' && value[7] == ' ' && value[10] == ' ' && value[19] == ' ')
        {
            var day = value[8] == ' ' ? Number(value.Slice(9, 1)) : Number(value.Slice(8, 2));
            return Make(Number(value.Slice(20, 4)), value.Slice(4, 3), day, value.Slice(11, 8));
        }

        return null;
    }

    private static bool IsDay(ReadOnlySpan<char> text, string[] names)
    {
        foreach (var name in names)
        {
            if (text.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Digits only (no sign, no spaces).</summary>
    private static int? Number(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A UTC moment from its parts; null for an impossible one (31 Feb, 25:00). A leap second (:60) reads as :59.</summary>
    private static DateTimeOffset? Make(int? year, ReadOnlySpan<char> month, int? day, ReadOnlySpan<char> time)
    {
        var monthIndex = -1;
        for (var i = 0; i < Months.Length && monthIndex < 0; i++)
        {
            monthIndex = month.SequenceEqual(Months[i]) ? i : -1;
        }

        if (year is not { } y || day is not { } d || monthIndex < 0 || time.Length != 8 || time[2] != ':' || time[5] != ':'
            || Number(time[..2]) is not { } h || Number(time.Slice(3, 2)) is not { } mi || Number(time[6..]) is not { } s
            || h > 23 || mi > 59 || s > 60 || y < 1 || d < 1 || d > DateTime.DaysInMonth(y, monthIndex + 1))
        {
            return null;
        }

        return new DateTimeOffset(y, monthIndex + 1, d, h, mi, Math.Min(s, 59), TimeSpan.Zero);
    }
}
