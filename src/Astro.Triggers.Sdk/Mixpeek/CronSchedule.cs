using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core;
using Cronos;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Fires at the times a five-field cron expression names, in an IANA time zone (<c>trigger_type: cron</c>).
/// "0 2 * * *" is every day at 02:00 in <see cref="TimeZone"/>.</summary>
public sealed class CronSchedule : TriggerSchedule
{
    internal const string TypeName = "cron";

    /// <summary>Creates the schedule. The expression and zone are checked when the trigger is sent (or previewed),
    /// so a schedule read from the service never fails to load.</summary>
    /// <param name="cronExpression">Five fields: minute, hour, day of month, month, day of week (<c>cron_expression</c>).</param>
    /// <param name="timeZone">An IANA time zone id such as "Europe/Berlin" (<c>timezone</c>).</param>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public CronSchedule(string cronExpression, string timeZone = "UTC")
        : base(TypeName)
    {
        CronExpression = Guard.NotNullOrWhiteSpace(cronExpression);
        TimeZone = Guard.NotNullOrWhiteSpace(timeZone);
    }

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
    /// <exception cref="ArgumentException">The expression or time zone is invalid.</exception>
    public IReadOnlyList<DateTimeOffset> GetNextFireTimes(DateTimeOffset after, int count)
    {
        var times = new List<DateTimeOffset>(PreviewCount(count));
        var expression = Parse(nameof(CronExpression));
        var zone = FindZone(TimeZone, nameof(TimeZone));
        var from = after;
        while (times.Count < count && expression.GetNextOccurrence(from, zone) is { } next)
        {
            times.Add(next);
            from = next;
        }

        return times;
    }

    internal static CronSchedule Read(ConfigFields fields) =>
        new(fields.RequiredString("cron_expression"), fields.String("timezone") ?? "UTC");

    internal override void Validate(string path, MixpeekClientOptions options)
    {
        Parse($"{path}.{nameof(CronExpression)}");
        FindZone(TimeZone, $"{path}.{nameof(TimeZone)}");
    }

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

    private Cronos.CronExpression Parse(string path)
    {
        try
        {
            return Cronos.CronExpression.Parse(CronExpression, CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new ArgumentException(
                $"'{path}' must be a five-field cron expression (minute hour day-of-month month day-of-week), e.g. '0 2 * * *' (was '{CronExpression}'): {ex.Message}",
                path,
                ex);
        }
    }
}
