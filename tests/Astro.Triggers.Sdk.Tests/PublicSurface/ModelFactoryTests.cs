using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.PublicSurface;

/// <summary>The model factories build what only the SDK could construct, and run handles in any state without a
/// client: a terminal handle completes at once, a non-terminal one says clearly that there is no client.</summary>
public sealed class ModelFactoryTests
{
    private static readonly RunWaitOptions NoThrow = new() { ThrowOnFailure = false };

    [Fact]
    public async Task Agentset_run_handles_follow_the_job_they_were_built_from()
    {
        var job = new IngestJob { Id = "job_1", NamespaceId = "ns_1", Status = IngestJobStatus.Completed };

        var run = AgentsetModelFactory.IngestJobRun(job);
        var waited = await run.WaitForCompletionAsync().WaitAsync(TimeSpan.FromSeconds(5));

        waited.Should().BeSameAs(run);
        waited.Value.Should().BeSameAs(job);
        run.Should().BeEquivalentTo(new { Service = "Agentset", Id = "job_1", Status = RunStatus.Succeeded, RawStatus = "COMPLETED", IsCompleted = true, CanCancel = false });

        var failed = AgentsetModelFactory.IngestJobRun(new IngestJob { Id = "job_2", NamespaceId = "ns_1", Status = IngestJobStatus.Failed, Error = "bad pdf" });
        (await failed.WaitForCompletionAsync(NoThrow)).Value.Error.Should().Be("bad pdf");
        (await FluentActions.Awaiting(() => failed.WaitForCompletionAsync()).Should().ThrowAsync<RunFailedException>())
            .Which.FinalStatus.Should().Be(RunStatus.Failed);
    }

    [Fact]
    public async Task A_non_terminal_handle_without_a_client_fails_clearly_instead_of_waiting()
    {
        var handles = new TriggeredRun[]
        {
            AgentsetModelFactory.IngestJobRun(new IngestJob { Id = "job_1", NamespaceId = "ns_1", Status = IngestJobStatus.Processing }),
            TrueFoundryModelFactory.TrueFoundryJobRun(TrueFoundryModelFactory.JobRun("run-1", JobRunStatus.Running, applicationId: "app-1")),
            ShipyardModelFactory.ShipyardFleetRun(Ids("fr-1"), record: null),
            MixpeekModelFactory.TriggerExecutionRun(new TriggerTask { TaskId = "task_1", Status = MixpeekTaskStatus.InProgress }),
        };

        foreach (var run in handles)
        {
            run.IsCompleted.Should().BeFalse();
            (await FluentActions.Awaiting(() => run.WaitForCompletionAsync(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5)))
                    .Should().ThrowAsync<InvalidOperationException>())
                .WithMessage($"{run.Service} run '{run.Id}' was built by {run.Service}ModelFactory without a client*");
        }
    }

    [Fact]
    public async Task TrueFoundry_handles_and_runs_carry_what_they_were_given()
    {
        var created = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var jobRun = TrueFoundryModelFactory.JobRun(
            "run-1", JobRunStatus.Finished, applicationId: "app-1", deploymentId: "dep-1", createdAt: created, endTime: created.AddMinutes(2), exitCode: 0);

        var run = TrueFoundryModelFactory.TrueFoundryJobRun(jobRun, message: "Job triggered");
        var done = await run.WaitForCompletionAsync();

        jobRun.CreatedAtUtc.Should().Be(created);
        jobRun.EndTimeUtc.Should().Be(created.AddMinutes(2));
        jobRun.Duration.Should().Be(120_000);
        done.Value.ExitCode.Should().Be(0);
        run.Should().BeEquivalentTo(new { Service = "TrueFoundry", Id = "run-1", ApplicationId = "app-1", Message = "Job triggered", Status = RunStatus.Succeeded, RawStatus = "FINISHED", CanCancel = true });
        TrueFoundryModelFactory.TrueFoundryJobRun(jobRun, applicationId: "other").ApplicationId.Should().Be("other");
        await FluentActions.Awaiting(() => run.CancelAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*cannot cancel it*");
    }

    [Fact]
    public async Task Shipyard_records_and_handles_map_status_like_a_client()
    {
        var record = ShipyardModelFactory.FleetRunRecord("fr-1", "Success", new Dictionary<string, string> { ["Duration"] = "12s", ["Status"] = "ignored" });

        var run = ShipyardModelFactory.ShipyardFleetRun(Ids("fr-1"), record);
        var done = await run.WaitForCompletionAsync();
        var custom = ShipyardModelFactory.ShipyardFleetRun(
            Ids("fr-2"), ShipyardModelFactory.FleetRunRecord("fr-2", "Shipwrecked"), new Dictionary<string, RunStatus> { ["Shipwrecked"] = RunStatus.Failed });

        record.Should().BeEquivalentTo(new { FleetLogId = "fr-1", Status = "Success" });
        record.Column("Duration").Should().Be("12s");
        done.Value.Should().BeSameAs(record);
        run.Ids.FleetId.Should().Be("fleet-1");
        run.Should().BeEquivalentTo(new { Service = "Shipyard", Id = "fr-1", Status = RunStatus.Succeeded, RawStatus = "Success", CanCancel = false });
        custom.Status.Should().Be(RunStatus.Failed);
        ShipyardModelFactory.ShipyardFleetRun(Ids("fr-3"), null).Should().BeEquivalentTo(new { Status = RunStatus.Queued, RawStatus = (string?)null });
        ShipyardModelFactory.FleetRunRecord().Columns.Should().BeEmpty();
    }

    [Fact]
    public async Task Mixpeek_handles_follow_their_task()
    {
        var task = new TriggerTask { TaskId = "task_1", TaskType = "engine_cluster_build", Status = MixpeekTaskStatus.Canceled };

        var run = MixpeekModelFactory.TriggerExecutionRun(task);

        run.Should().BeEquivalentTo(new { Service = "Mixpeek", Id = "task_1", Status = RunStatus.Cancelled, RawStatus = "CANCELED", CanCancel = true });
        (await run.WaitForCompletionAsync(NoThrow)).Value.Should().BeSameAs(task);
    }

    [Fact]
    public void Astropod_ingestion_triggers_can_be_built()
    {
        var trigger = AstropodModelFactory.IngestionTrigger("docs_sync", jobName: "ingestion-docs-sync-abc", @namespace: "acme");

        trigger.Should().BeEquivalentTo(new { Ingestion = "docs_sync", Status = "triggered", JobName = "ingestion-docs-sync-abc", Namespace = "acme", HasStatusSource = false });
        FluentActions.Invoking(() => AstropodModelFactory.IngestionTrigger(" ")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Factories_check_their_arguments()
    {
        FluentActions.Invoking(() => AgentsetModelFactory.IngestJobRun(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => AgentsetModelFactory.IngestJobRun(new IngestJob())).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => TrueFoundryModelFactory.TrueFoundryJobRun(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => TrueFoundryModelFactory.JobRun("")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ShipyardModelFactory.ShipyardFleetRun(null!, null)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => MixpeekModelFactory.TriggerExecutionRun(null!)).Should().Throw<ArgumentNullException>();
    }

    private static FleetRunIdentity Ids(string runId) => new("req-1", "org-1", "proj-1", "fleet-1", runId, null);
}
