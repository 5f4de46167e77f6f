using System.Globalization;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>The cron syntax Mixpeek documents: five fields (minute hour day-of-month month day-of-week) of numbers,
/// month and weekday names, <c>*</c>, lists (<c>,</c>), ranges (<c>-</c>) and steps (<c>/</c>). Macros such as
/// <c>@daily</c> and the extensions some schedulers add (<c>L</c>, <c>W</c>, <c>#</c>, <c>?</c>, a seconds field) are
/// refused: the service documents none of them (openapi/README.md, Mixpeek assumption 5).</summary>
internal static class CronRule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly Field[] Fields =
    [
        new("minute", 0, 59, null, 0),
        new("hour", 0, 23, null, 0),
        new("day-of-month", 1, 31, null, 0),
        new("month", 1, 12, MonthNames, 1),
        new("day-of-week", 0, 7, DayNames, 0),
    ];

    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="path"/>, the rule and the field that
    /// breaks it.</summary>
    public static void Check(string expression, string path)
    {
        var trimmed = expression.Trim();
        if (trimmed.StartsWith('@'))
        {
            var hint = Macros.TryGetValue(trimmed, out var equivalent) ? $" Write '{equivalent}' instead." : string.Empty;
            throw Invalid(path, expression, $"macros such as '@daily' are not accepted by Mixpeek.{hint}");
        }

        var parts = trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != Fields.Length)
        {
            throw Invalid(path, expression, $"it has {parts.Length} field{(parts.Length == 1 ? string.Empty : "s")}.");
        }

        for (var i = 0; i < parts.Length; i++)
        {
            CheckField(parts[i], Fields[i], path, expression);
        }
    }

    private static void CheckField(string text, Field field, string path, string expression)
    {
        foreach (var item in text.Split(','))
        {
            var slash = item.IndexOf('/');
            var range = slash < 0 ? item : item[..slash];
            if (slash >= 0)
            {
                var step = item[(slash + 1)..];
                if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > field.Max)
                {
                    throw Invalid(path, expression, $"the {field.Name} field's step must be a whole number from 1 to {field.Max} (was '{item}').");
                }
            }

            if (range == "*")
            {
                continue;
            }

            var dash = range.IndexOf('-');
            var low = Value(dash < 0 ? range : range[..dash], field, path, expression, item);
            if (dash >= 0)
            {
                var high = Value(range[(dash + 1)..], field, path, expression, item);
                if (high < low)
                {
                    throw Invalid(path, expression, $"the {field.Name} field's range must run from low to high (was '{item}').");
                }
            }
        }
    }

    private static int Value(string text, Field field, string path, string expression, string item)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number >= field.Min && number <= field.Max
                ? number
                : throw Invalid(path, expression, $"the {field.Name} field must be {field.Min}-{field.Max}{NamesHint(field)} (was '{item}').");
        }

        var index = field.Names is null ? -1 : Array.FindIndex(field.Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index + field.FirstNameValue
            : throw Invalid(path, expression, $"the {field.Name} field must be {field.Min}-{field.Max}{NamesHint(field)}, '*', a list (','), a range ('-') or a step ('/') (was '{item}').");
    }

    private static string NamesHint(Field field) =>
        field.Names is null ? string.Empty : $" or {field.Names[0]}-{field.Names[^1]}";

    private static ArgumentException Invalid(string path, string expression, string problem) =>
        new($"'{path}' must be a five-field cron expression (minute hour day-of-month month day-of-week), e.g. '0 2 * * *' (was '{expression}'): {problem}", path);

    private sealed record Field(string Name, int Min, int Max, string[]? Names, int FirstNameValue);
}
