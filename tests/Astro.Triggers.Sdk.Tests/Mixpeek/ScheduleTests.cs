using Astro.Triggers.Sdk.Mixpeek;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>Local previews of cron and interval schedules, daylight-saving transitions included.</summary>
public sealed class ScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_daily_utc_cron_fires_every_day_at_the_hour()
    {
        var times = new CronSchedule("0 2 * * *").GetNextFireTimes(Utc(2026, 11, 23, 12), 3);

        times.Should().Equal(Utc(2026, 11, 24, 2), Utc(2026, 11, 25, 2), Utc(2026, 11, 26, 2));
    }

    [Fact]
    public void The_start_moment_itself_is_excluded()
    {
        new CronSchedule("0 2 * * *").GetNextFireTimes(Utc(2026, 11, 24, 2), 1).Should().Equal(Utc(2026, 11, 25, 2));
    }

    [Fact]
    public void Weekday_cron_in_a_zone_skips_the_weekend_and_carries_the_zones_offset()
    {
        // 2026-11-27 is a Friday; Berlin is UTC+1 in winter.
        var times = new CronSchedule("30 9 * * 1-5", "Europe/Berlin").GetNextFireTimes(Utc(2026, 11, 27, 0), 2);

        times.Should().Equal(Utc(2026, 11, 27, 8, 30), Utc(2026, 11, 30, 8, 30));
        times[0].Offset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void A_time_skipped_by_spring_forward_runs_at_the_jump_then_keeps_local_time()
    {
        // Berlin jumps 02:00 → 03:00 CET→CEST on 2026-03-29; 02:30 does not exist that day.
        var times = new CronSchedule("30 2 * * *", "Europe/Berlin").GetNextFireTimes(Utc(2026, 3, 27, 12), 3);

        times.Should().Equal(Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 30, 0, 30));
        times[2].Offset.Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public void A_time_repeated_by_fall_back_runs_once()
    {
        // New York falls back 02:00 → 01:00 on 2026-11-01; 01:30 happens twice (EDT, then EST).
        var times = new CronSchedule("30 1 * * *", "America/New_York").GetNextFireTimes(Utc(2026, 10, 31, 12), 3);

        times.Should().Equal(Utc(2026, 11, 1, 5, 30), Utc(2026, 11, 2, 6, 30), Utc(2026, 11, 3, 6, 30));
    }

    [Fact]
    public void An_hourly_cron_across_fall_back_keeps_one_run_per_real_hour()
    {
        // Every hour at :00 in Berlin across 2026-10-25 02:00 CEST → 02:00 CET: both 02:00s are real hours.
        var times = new CronSchedule("0 * * * *", "Europe/Berlin").GetNextFireTimes(Utc(2026, 10, 24, 23, 30), 4);

        times.Should().Equal(Utc(2026, 10, 25, 0), Utc(2026, 10, 25, 1), Utc(2026, 10, 25, 2), Utc(2026, 10, 25, 3));
        times.Select(t => t.Offset.TotalHours).Should().Equal(2, 1, 1, 1);
    }

    [Fact]
    public void An_interval_counts_from_its_start()
    {
        var start = Utc(2026, 11, 23, 12);

        new IntervalSchedule(TimeSpan.FromHours(6)).GetNextFireTimes(start, 3)
            .Should().Equal(Utc(2026, 11, 23, 18), Utc(2026, 11, 24, 0), Utc(2026, 11, 24, 6));
        new IntervalSchedule(TimeSpan.FromHours(6)) { StartImmediately = true }.GetNextFireTimes(start, 2)
            .Should().Equal(start, Utc(2026, 11, 23, 18));
    }

    [Fact]
    public void Previews_refuse_bad_counts_and_bad_expressions()
    {
        FluentActions.Invoking(() => new CronSchedule("0 2 * * *").GetNextFireTimes(Utc(2026, 1, 1, 0), 0))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("count");
        FluentActions.Invoking(() => new IntervalSchedule(TimeSpan.FromHours(1)).GetNextFireTimes(Utc(2026, 1, 1, 0), 10_001))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("count");
    }

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("0 0 1 1 *")]
    [InlineData("0 9-17 * * MON-FRI")]
    [InlineData("59 23 31 12 7")]
    [InlineData("0-59/59 0,23 1-31/30 jan-dec sun-sat")]
    public void Valid_expressions_preview(string expression)
    {
        new CronSchedule(expression, "Asia/Tokyo").GetNextFireTimes(Utc(2026, 1, 1, 0), 5).Should().HaveCount(5).And.BeInAscendingOrder();
    }
}
