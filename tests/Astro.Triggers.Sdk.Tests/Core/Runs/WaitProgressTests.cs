using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;
using Astro.Triggers.Sdk.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Tests.Core.Runs;

/// <summary>The wait's progress hears the first status read and each change after it, not every poll (issue 25: 17
/// reports for 4 status changes). Real HTTP against the fakes, in virtual time.</summary>
public sealed class WaitProgressTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly RunWaitOptions EverySecond = new() { PollInterval = TimeSpan.FromSeconds(1), BackoffFactor = 1, Timeout = TimeSpan.FromMinutes(5) };

    /// <summary>How many times the status (service string or common status) differs from the one before it, the first
    /// read counting as a change from "not yet read".</summary>
    private static int DistinctStatusChanges(IEnumerable<(RunStatus, string?)> polled) =>
        polled.Where((status, i) => i == 0 || status != polled.ElementAt(i - 1)).Count();

    [Fact]
    public async Task An_agentset_job_polled_every_second_for_16_s_reports_once_per_status()
    {
        var clock = new PollWaitClock(Start);
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions
        {
            TimeProvider = clock, QueuedTime = TimeSpan.FromSeconds(4), PreProcessingTime = TimeSpan.FromSeconds(4), ProcessingTime = TimeSpan.FromSeconds(8),
        });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        var reports = new List<RunSnapshot>();
        var polled = new List<(RunStatus, string?)>();

        await clock.DriveAsync(progress => run.WaitForCompletionAsync(EverySecond, new Both(progress, polled)), reports.Add);

        polled.Should().HaveCount(fake.Requests.Count(r => r.Method == "GET")).And.HaveCountGreaterThanOrEqualTo(15, "one read a second for 16 s");
        reports.Should().HaveCount(DistinctStatusChanges(polled));
        reports.Select(r => r.RawStatus).Should().Equal("QUEUED", "PRE_PROCESSING", "PROCESSING", "COMPLETED");
        reports.Select(r => r.Status).Should().Equal(new[] { RunStatus.Queued, RunStatus.Running, RunStatus.Running, RunStatus.Succeeded },
            "a change of the service's own status is reported even when the common status stays Running");
    }

    [Fact]
    public async Task A_truefoundry_run_reports_its_first_read_and_each_change()
    {
        var clock = new PollWaitClock(Start);
        await using var fake = TrueFoundryFake.Start(new TrueFoundryFakeOptions
        {
            TimeProvider = clock, SchedulingTime = TimeSpan.FromSeconds(3), RunTime = TimeSpan.FromSeconds(6),
        });
        using var client = new TrueFoundryClient(fake.CreateClientOptions());
        var run = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = fake.ApplicationId, Input = new JobRunInput { Command = "etl" } });
        var reports = new List<RunSnapshot>();
        var polled = new List<(RunStatus, string?)>();

        await clock.DriveAsync(progress => run.WaitForCompletionAsync(EverySecond, new Both(progress, polled)), reports.Add);

        polled.Count.Should().BeGreaterThan(reports.Count, "several reads see the same status");
        reports.Should().HaveCount(DistinctStatusChanges(polled));
        reports.Select(r => (r.Status, r.RawStatus)).Should().OnlyHaveUniqueItems().And.Equal(polled.Distinct());
        reports[^1].Status.Should().Be(RunStatus.Succeeded);
    }

    /// <summary>Drives the clock (the driver's observer) and records every read (the internal poll observer) while the
    /// driver's progress records the reports.</summary>
    private sealed class Both(IProgress<RunSnapshot> driver, List<(RunStatus, string?)> polled) : IProgress<RunSnapshot>, Sdk.Core.IRunPollObserver
    {
        public void Report(RunSnapshot value) => driver.Report(value);

        public void Polled(RunSnapshot snapshot)
        {
            polled.Add((snapshot.Status, snapshot.RawStatus));
            ((Sdk.Core.IRunPollObserver)driver).Polled(snapshot);
        }
    }
}
