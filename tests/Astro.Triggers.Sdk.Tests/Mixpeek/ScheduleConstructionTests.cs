using Astro.Triggers.Sdk.Mixpeek;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>A schedule that Mixpeek would refuse fails where it is written (the constructor or setter), naming the
/// argument and the rule — not later at preview or create (issue 25, new-user trial).</summary>
public sealed class ScheduleConstructionTests
{
    private static ArgumentException Refused(Func<object> build) =>
        FluentActions.Invoking(build).Should().Throw<ArgumentException>().Which;

    [Theory]
    [InlineData("60 * * * *", "minute field must be 0-59")]
    [InlineData("61 * * * *", "minute field must be 0-59")]
    [InlineData("0 24 * * *", "hour field must be 0-23")]
    [InlineData("0 0 0 * *", "day-of-month field must be 1-31")]
    [InlineData("0 0 32 * *", "day-of-month field must be 1-31")]
    [InlineData("0 0 * 0 *", "month field must be 1-12 or JAN-DEC")]
    [InlineData("0 0 * 13 *", "month field must be 1-12 or JAN-DEC")]
    [InlineData("0 0 * * 8", "day-of-week field must be 0-7 or SUN-SAT")]
    [InlineData("0 0 * * FUNDAY", "day-of-week field must be 0-7 or SUN-SAT")]
    [InlineData("0 0 * JANUARY *", "month field must be 1-12 or JAN-DEC")]
    [InlineData("MON 0 * * *", "minute field must be 0-59")]
    public void Each_field_out_of_range_is_refused_naming_the_field(string expression, string rule)
    {
        var error = Refused(() => new CronSchedule(expression, "Mars/Olympus"));

        error.ParamName.Should().Be("cronExpression");
        error.Message.Should().Contain("five-field cron expression").And.Contain(rule).And.Contain(expression);
    }

    [Theory]
    [InlineData("0 2 * *", "it has 4 fields")]
    [InlineData("0 0 2 * * *", "it has 6 fields")]
    [InlineData("every day", "it has 2 fields")]
    [InlineData("*", "it has 1 field.")]
    public void A_wrong_field_count_is_refused(string expression, string rule)
    {
        var error = Refused(() => new CronSchedule(expression));

        error.ParamName.Should().Be("cronExpression");
        error.Message.Should().Contain(rule);
    }

    [Theory]
    [InlineData("*/0 * * * *", "minute field's step must be a whole number from 1 to 59")]
    [InlineData("*/60 * * * *", "minute field's step must be a whole number from 1 to 59")]
    [InlineData("0 */x * * *", "hour field's step")]
    [InlineData("0 1/ * * *", "hour field's step")]
    [InlineData("30-10 * * * *", "minute field's range must run from low to high")]
    [InlineData("0 0 * * FRI-MON", "day-of-week field's range must run from low to high")]
    [InlineData("0 0 1-32 * *", "day-of-month field must be 1-31")]
    [InlineData("1,,2 * * * *", "minute field must be 0-59")]
    [InlineData("0 0 L * *", "day-of-month field must be 1-31")]
    [InlineData("0 0 ? * *", "day-of-month field must be 1-31")]
    [InlineData("0 0 * * 5#3", "day-of-week field must be 0-7")]
    [InlineData("0 0 15W * *", "day-of-month field must be 1-31")]
    public void Bad_steps_ranges_and_extensions_are_refused(string expression, string rule)
    {
        var error = Refused(() => new CronSchedule(expression));

        error.ParamName.Should().Be("cronExpression");
        error.Message.Should().Contain(rule);
    }

    [Theory]
    [InlineData("@daily", "Write '0 0 * * *' instead.")]
    [InlineData("@hourly", "Write '0 * * * *' instead.")]
    [InlineData("@weekly", "Write '0 0 * * 0' instead.")]
    [InlineData("@monthly", "Write '0 0 1 * *' instead.")]
    [InlineData("@yearly", "Write '0 0 1 1 *' instead.")]
    [InlineData("@reboot", "macros such as '@daily' are not accepted by Mixpeek.")]
    [InlineData("@every_minute", "macros such as '@daily' are not accepted by Mixpeek.")]
    public void Macros_are_refused_with_their_five_field_equivalent(string expression, string hint)
    {
        var error = Refused(() => new CronSchedule(expression));

        error.ParamName.Should().Be("cronExpression");
        error.Message.Should().Contain("macros such as '@daily' are not accepted by Mixpeek").And.Contain(hint);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("Europe/Berlinn")]
    [InlineData("utc+2")]
    public void An_unknown_time_zone_is_refused(string zone)
    {
        var error = Refused(() => new CronSchedule("0 2 * * *", zone));

        error.ParamName.Should().Be("timeZone");
        error.Message.Should().Contain("IANA time zone id").And.Contain(zone);
    }

    [Fact]
    public void A_windows_time_zone_id_is_refused_with_its_iana_name()
    {
        var error = Refused(() => new CronSchedule("0 2 * * *", "W. Europe Standard Time"));

        error.ParamName.Should().Be("timeZone");
        error.Message.Should().Contain("Use 'Europe/Berlin'");
    }

    [Theory]
    [InlineData("0 0 1 1 0")]
    [InlineData("59 23 31 12 7")]
    [InlineData("0-59 0-23 1-31 1-12 0-7")]
    [InlineData("*/1 */23 */31 */12 */7")]
    [InlineData("0,30 9-17/2 1,15 JAN-JUN MON-FRI")]
    [InlineData("5/15 * * * *")]
    [InlineData("  0 2  * * *  ")]
    [InlineData("0 0 * dec sun")]
    public void Valid_edge_values_are_accepted_and_preview(string expression)
    {
        var schedule = new CronSchedule(expression, "Pacific/Chatham");

        schedule.CronExpression.Should().Be(expression);
        schedule.GetNextFireTimes(DateTimeOffset.UnixEpoch, 3).Should().HaveCount(3);
    }

    [Fact]
    public void A_null_argument_is_refused_as_null()
    {
        Refused(() => new CronSchedule(null!)).Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be("cronExpression");
        Refused(() => new CronSchedule("0 2 * * *", null!)).Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be("timeZone");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void An_interval_below_one_second_is_refused(int seconds)
    {
        var error = Refused(() => new IntervalSchedule(TimeSpan.FromSeconds(seconds)));

        error.Should().BeOfType<ArgumentOutOfRangeException>();
        error.ParamName.Should().Be("interval");
        error.Message.Should().Contain("whole number of seconds, at least 1 s");
    }

    [Fact]
    public void An_interval_with_a_fraction_of_a_second_is_refused_and_one_second_is_accepted()
    {
        Refused(() => new IntervalSchedule(TimeSpan.FromSeconds(90.5))).ParamName.Should().Be("interval");
        new IntervalSchedule(TimeSpan.FromSeconds(1)).Interval.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Event_and_conditional_values_are_checked_when_set()
    {
        Refused(() => new EventSchedule("documents_added", 0)).ParamName.Should().Be("threshold");
        Refused(() => new EventSchedule(" ", 1)).ParamName.Should().Be("eventType");
        Refused(() => new EventSchedule("documents_added", 5) { Cooldown = TimeSpan.FromSeconds(-1) }).ParamName.Should().Be("Cooldown");
        Refused(() => new EventSchedule("documents_added", 5) { Cooldown = TimeSpan.FromMilliseconds(1500) }).ParamName.Should().Be("Cooldown");
        Refused(() => new ConditionalSchedule(double.NaN)).ParamName.Should().Be("threshold");
        Refused(() => new ConditionalSchedule(double.PositiveInfinity)).ParamName.Should().Be("threshold");
        Refused(() => new ConditionalSchedule(-0.1)).Message.Should().Contain("'threshold' must be a finite number, at least 0");
        Refused(() => new ConditionalSchedule(0.2) { CheckInterval = TimeSpan.Zero }).ParamName.Should().Be("CheckInterval");

        new EventSchedule("documents_added", 1) { Cooldown = TimeSpan.Zero }.Cooldown.Should().Be(TimeSpan.Zero);
        new ConditionalSchedule(0) { CheckInterval = null }.Threshold.Should().Be(0);
    }

    [Fact]
    public void A_schedule_from_the_service_that_breaks_the_rules_reads_as_custom_rather_than_failing()
    {
        var config = new System.Text.Json.Nodes.JsonObject { ["cron_expression"] = "@daily", ["timezone"] = "UTC" };

        var schedule = TriggerSchedule.FromWire("cron", config);

        schedule.Should().BeOfType<CustomTriggerSchedule>().Which.ToConfig()["cron_expression"]!.GetValue<string>().Should().Be("@daily");
    }
}
