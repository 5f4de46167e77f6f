using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.Tests.Infrastructure;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Core.Runs;

/// <summary>Issue 18 #3: the poll schedule of <see cref="RunWaitOptions"/>, through real clients against the fakes over
/// loopback, in virtual time (<see cref="PollWaitClock"/>): the times the fake saw the reads, and how late a finished run
/// was noticed. Defaults: 1 s between reads, then a tenth of the time waited so far, at most 60 s.</summary>
public sealed class RunWaitOptionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Starts an Agentset job that ends <paramref name="length"/> after its create, waits for it, and returns
    /// the reads' times (from the create, as the fake saw them) and the lag from the job's end to the wait returning.</summary>
    private static async Task<(IReadOnlyList<TimeSpan> Reads, TimeSpan Lag)> AgentsetAsync(TimeSpan length, RunWaitOptions options)
    {
        var clock = new PollWaitClock(Start);
        var queued = length / 4;
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions
        {
            TimeProvider = clock, QueuedTime = queued, PreProcessingTime = queued, ProcessingTime = length - queued - queued,
        });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        var created = clock.GetUtcNow();

        var done = await clock.DriveAsync(progress => run.WaitForCompletionAsync(options, progress));

        done.Status.Should().Be(RunStatus.Succeeded);
        return (fake.Requests.Where(r => r.Method == "GET").Select(r => r.ReceivedAt - created).ToList(), clock.GetUtcNow() - (created + length));
    }

    private static async Task<(IReadOnlyList<TimeSpan> Reads, TimeSpan Lag)> TrueFoundryAsync(TimeSpan length, RunWaitOptions options)
    {
        var clock = new PollWaitClock(Start);
        var scheduling = length / 4;
        await using var fake = TrueFoundryFake.Start(new TrueFoundryFakeOptions
        {
            TimeProvider = clock, SchedulingTime = scheduling, RunTime = length - scheduling - scheduling,
        });
        using var client = new TrueFoundryClient(fake.CreateClientOptions());
        var run = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = fake.ApplicationId, Input = new JobRunInput { Command = "etl" } });
        var created = clock.GetUtcNow();

        var done = await clock.DriveAsync(progress => run.WaitForCompletionAsync(options, progress));

        done.Status.Should().Be(RunStatus.Succeeded);
        return (fake.Requests.Where(r => r.Method == "GET").Select(r => r.ReceivedAt - created).ToList(), clock.GetUtcNow() - (created + length));
    }

    /// <summary>The times in seconds, to compare with a list written to the millisecond (Task.Delay sleeps whole
    /// milliseconds, so each wait is a tenth of the time waited, rounded down to the millisecond).</summary>
    private static void ShouldBeAt(IEnumerable<TimeSpan> times, params double[] seconds) =>
        times.Select(t => t.TotalSeconds).Should().Equal(seconds, (actual, expected) => Math.Abs(actual - expected) < 0.001);

    [Fact]
    public void The_defaults_are_one_second_a_tenth_of_the_time_waited_and_a_minute_at_most()
    {
        var options = new RunWaitOptions();

        options.PollInterval.Should().Be(TimeSpan.FromSeconds(1));
        options.PollIntervalRatio.Should().Be(0.1);
        options.BackoffFactor.Should().Be(1);
        options.MaxPollInterval.Should().Be(TimeSpan.FromSeconds(60));
        options.Timeout.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task By_default_the_service_sees_a_read_every_second_for_ten_seconds_then_each_a_tenth_later_than_the_last()
    {
        var (reads, _) = await AgentsetAsync(TimeSpan.FromSeconds(20), new RunWaitOptions());

        ShouldBeAt(reads, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.1, 13.31, 14.641, 16.105, 17.715, 19.486, 21.434);
    }

    [Fact]
    public async Task A_long_run_is_read_at_most_once_a_minute_from_ten_minutes_on()
    {
        var (reads, lag) = await AgentsetAsync(TimeSpan.FromMinutes(30), new RunWaitOptions { Timeout = TimeSpan.FromHours(2) });

        var gaps = reads.Zip(reads.Skip(1), (a, b) => (At: a, Gap: b - a)).ToList();
        gaps.Should().OnlyContain(g => g.Gap <= TimeSpan.FromSeconds(60));
        gaps.Where(g => g.At >= TimeSpan.FromMinutes(10)).Should().NotBeEmpty().And.OnlyContain(g => g.Gap == TimeSpan.FromSeconds(60));
        gaps.Where(g => g.At < TimeSpan.FromSeconds(540)).Should().OnlyContain(g => g.Gap < TimeSpan.FromSeconds(60), "the cap is reached at 10 min");
        reads.Should().HaveCount(74, "the benchmark's count: 11 in the first 10 s, 43 to 10 min, then one a minute");
        lag.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(10.05)]
    [InlineData(30)]
    [InlineData(37.5)]
    [InlineData(120)]
    [InlineData(131.2)]
    [InlineData(600)]
    [InlineData(1800)]
    public async Task A_run_of_ten_seconds_or_more_is_noticed_within_a_tenth_of_its_length_on_Agentset(double seconds)
    {
        var length = TimeSpan.FromSeconds(seconds);

        var (_, lag) = await AgentsetAsync(length, new RunWaitOptions { Timeout = TimeSpan.FromHours(2) });

        lag.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(length * 0.1);
    }

    [Theory]
    [InlineData(10.05)]
    [InlineData(121)]
    [InlineData(1800.5)]
    public async Task A_run_of_ten_seconds_or_more_is_noticed_within_a_tenth_of_its_length_on_TrueFoundry(double seconds)
    {
        var length = TimeSpan.FromSeconds(seconds);

        var (_, lag) = await TrueFoundryAsync(length, new RunWaitOptions { Timeout = TimeSpan.FromHours(2) });

        lag.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(length * 0.1);
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(3.5)]
    [InlineData(9.01)]
    public async Task A_shorter_run_is_noticed_within_the_poll_interval(double seconds)
    {
        var (_, lag) = await AgentsetAsync(TimeSpan.FromSeconds(seconds), new RunWaitOptions());

        lag.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Ratio_zero_keeps_the_geometric_schedule_of_poll_interval_and_backoff_factor()
    {
        var options = new RunWaitOptions
        {
            PollInterval = TimeSpan.FromSeconds(2), BackoffFactor = 1.5, PollIntervalRatio = 0, MaxPollInterval = TimeSpan.FromSeconds(30),
        };

        var (reads, lag) = await AgentsetAsync(TimeSpan.FromSeconds(10), options);

        ShouldBeAt(reads, 0, 2, 5, 9.5, 16.25);
        lag.Should().Be(TimeSpan.FromSeconds(6.25), "the old defaults noticed a 10 s run 62% late");
    }

    [Fact]
    public async Task The_larger_of_backoff_and_ratio_wins()
    {
        // 1 s ×1.05 alone: waits of 1, 1.05, 1.102 … s (each floored to a whole millisecond); a quarter of the time waited overtakes it from 5.5 s on.
        var options = new RunWaitOptions { PollInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1.05, PollIntervalRatio = 0.25 };

        var (reads, _) = await AgentsetAsync(TimeSpan.FromSeconds(8), options);

        ShouldBeAt(reads, 0, 1, 2.05, 3.152, 4.309, 5.523, 6.903, 8.628);
    }

    [Fact]
    public async Task The_last_wait_is_cut_to_the_time_left_and_the_run_read_once_more_at_the_timeout()
    {
        var clock = new PollWaitClock(Start);
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = clock, ProcessingTime = TimeSpan.FromHours(1) });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        var created = clock.GetUtcNow();

        var act = () => clock.DriveAsync(progress => run.WaitForCompletionAsync(new RunWaitOptions { Timeout = TimeSpan.FromSeconds(30) }, progress));

        var ex = (await act.Should().ThrowAsync<RunWaitTimeoutException>()).Which;
        // Reads at 0 … 10, 11, 12.1 … 25.934, 28.527 s; the next wait (2.852 s) would end at 31.4 s, so it is cut to
        // 1.473 s: a last read at the timeout itself, 30 s.
        var reads = fake.Requests.Where(r => r.Method == "GET").Select(r => r.ReceivedAt - created).ToList();
        ex.Polls.Should().Be(23);
        reads.Should().HaveCount(23);
        reads[^1].Should().Be(TimeSpan.FromSeconds(30));
        clock.Waits[^1].Should().Be(TimeSpan.FromMilliseconds(1473));
        (clock.GetUtcNow() - created).Should().Be(TimeSpan.FromSeconds(30));
        clock.Waits.Should().OnlyContain(w => w <= TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(10.5)]
    [InlineData(double.NaN)]
    public async Task A_ratio_outside_zero_to_ten_is_refused_before_any_request(double ratio)
    {
        var clock = new PollWaitClock(Start);
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = clock });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var run = client.IngestJobs.Track("job_1");

        var act = () => run.WaitForCompletionAsync(new RunWaitOptions { PollIntervalRatio = ratio });

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("RunWaitOptions.PollIntervalRatio");
        fake.Requests.Should().BeEmpty();
    }
}
