using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;
using Cronos;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Fires at the times a five-field cron expression names, in an IANA time zone (<c>trigger_type: cron</c>).
/// "0 2 * * *" is every day at 02:00 in <see cref="TimeZone"/>.</summary>
public sealed class CronSchedule : TriggerSchedule
{
    internal const string TypeName = "cron";

    /// <summary>Creates the schedule; the expression and the zone are checked here, so a bad one fails where it is
    /// written rather than at preview or create. (A schedule read from the service that breaks these rules reads as a
    /// <see cref="CustomTriggerSchedule"/> instead.)</summary>
    /// <param name="cronExpression">Five fields: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or
    /// JAN-DEC), day of week (0-7 or SUN-SAT, 0 and 7 are Sunday); each a number, a name, <c>*</c>, a list
    /// (<c>1,15</c>), a range (<c>1-5</c>) or a step (<c>*/15</c>, <c>0-30/10</c>) (<c>cron_expression</c>). Macros
    /// such as <c>@daily</c> are refused: Mixpeek does not document them (the message names the five-field
    /// equivalent).</param>
    /// <param name="timeZone">An IANA time zone id such as "Europe/Berlin" (<c>timezone</c>); a Windows id is refused
    /// with its IANA name suggested.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The expression breaks the five-field rule (the message names the field) or
    /// the zone is not a known IANA id.</exception>
    public CronSchedule(string cronExpression, string timeZone = "UTC")
        : base(TypeName)
    {
        CronExpression = Guard.NotNullOrWhiteSpace(cronExpression);
        TimeZone = Guard.NotNullOrWhiteSpace(timeZone);
        // Checked once, where it is written: the schedule is immutable, so previews and sends reuse what was parsed.
        _expression = Parse(CronExpression, nameof(cronExpression));
        _zone = FindZone(TimeZone, nameof(timeZone));
    }

    private readonly Cronos.CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    /// <summary>The cron expression (<c>cron_expression</c>).</summary>
    public string CronExpression { get; }

    /// <summary>The IANA time zone the expression is read in (<c>timezone</c>).</summary>
    /// <value>The default value is "UTC".</value>
    public string TimeZone { get; }

    /// <summary>The next fire times after <paramref name="after"/>, computed locally with the service's rules for
    /// daylight saving: a time skipped by a spring-forward runs at the moment of the jump, a time repeated by a
    /// fall-back runs once.</summary>
    /// <param name="after">The moment to count from (exclusive).</param>
    /// <param name="count">How many times to return, 1 to 10,000.</param>
    /// <returns>Up to <paramref name="count"/> times in ascending order, each with the zone's offset at that moment;
    /// fewer if the expression has no more (e.g. a 29 February that never comes again is not a case: cron repeats).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside 1 to 10,000.</exception>
    public IReadOnlyList<DateTimeOffset> GetNextFireTimes(DateTimeOffset after, int count)
    {
        var times = new List<DateTimeOffset>(PreviewCount(count));
        var from = after;
        while (times.Count < count && _expression.GetNextOccurrence(from, _zone) is { } next)
        {
            times.Add(next);
            from = next;
        }

        return times;
    }

    internal static CronSchedule Read(ConfigFields fields) =>
        new(fields.RequiredString("cron_expression"), fields.String("timezone") ?? "UTC");

    /// <summary>Resolves an IANA id; a Windows id is refused with its IANA equivalent named, because the service
    /// only knows IANA names.</summary>
    internal static TimeZoneInfo FindZone(string id, string path)
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"'{path}' must be an IANA time zone id such as 'Europe/Berlin' or 'UTC' (was '{id}').", path, ex);
        }

        if (!zone.HasIanaId)
        {
            var hint = TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana) ? $" Use '{iana}'." : string.Empty;
            throw new ArgumentException($"'{path}' must be an IANA time zone id, not a Windows one (was '{id}').{hint}", path);
        }

        return zone;
    }

    private protected override void WriteFields(JsonObject config)
    {
        config["cron_expression"] = CronExpression;
        config["timezone"] = TimeZone;
    }

    /// <summary>Checks the documented rule (<see cref="CronRule"/>), then parses with Cronos for previews; both
    /// refusals name <paramref name="path"/>.</summary>
    private static Cronos.CronExpression Parse(string expression, string path)
    {
        CronRule.Check(expression, path);
        try
        {
            return Cronos.CronExpression.Parse(string.Join(' ', expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)), CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new ArgumentException(
                $"'{path}' must be a five-field cron expression (minute hour day-of-month month day-of-week), e.g. '0 2 * * *' (was '{expression}'): {ex.Message}",
                path,
                ex);
        }
    }
}
