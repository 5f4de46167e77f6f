using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Astro.Triggers.Sdk.Tests.PublicSurface;

/// <summary>
/// A user's own unit test, written the way the README tells them to: their code takes the SDK's clients, the test
/// substitutes each client and its sub-client with NSubstitute (virtual members, protected constructors), stubs
/// the calls with results from <c>AsyncPageable&lt;T&gt;.FromPages</c> and the model factories, and asserts on what
/// the user's code did. No HTTP, no internals.
/// </summary>
public sealed class MockingClientsWithNSubstituteExample
{
    private readonly AgentsetClient _agentset = Substitute.For<AgentsetClient>();
    private readonly IngestJobsClient _ingestJobs = Substitute.For<IngestJobsClient>();
    private readonly AstropodClient _astropod = Substitute.For<AstropodClient>();
    private readonly IngestionsClient _ingestions = Substitute.For<IngestionsClient>();
    private readonly DeploymentsClient _deployments = Substitute.For<DeploymentsClient>();
    private readonly TrueFoundryClient _trueFoundry = Substitute.For<TrueFoundryClient>();
    private readonly JobRunsClient _jobRuns = Substitute.For<JobRunsClient>();
    private readonly ShipyardClient _shipyard = Substitute.For<ShipyardClient>();
    private readonly FleetRunsClient _fleetRuns = Substitute.For<FleetRunsClient>();
    private readonly MixpeekClient _mixpeek = Substitute.For<MixpeekClient>();
    private readonly TriggersClient _triggers = Substitute.For<TriggersClient>();
    private readonly ExecutionsClient _executions = Substitute.For<ExecutionsClient>();

    public MockingClientsWithNSubstituteExample()
    {
        _agentset.IngestJobs.Returns(_ingestJobs);
        _astropod.Ingestions.Returns(_ingestions);
        _astropod.Deployments.Returns(_deployments);
        _trueFoundry.JobRuns.Returns(_jobRuns);
        _shipyard.FleetRuns.Returns(_fleetRuns);
        _mixpeek.Triggers.Returns(_triggers);
        _mixpeek.Executions.Returns(_executions);
    }

    [Fact]
    public async Task The_nightly_pipeline_runs_every_step_and_reports_what_happened()
    {
        // Agentset: the ingest finishes, and the list holds one earlier failure over two pages.
        var job = new IngestJob { Id = "job_1", NamespaceId = "ns_1", Status = IngestJobStatus.Completed, ExternalId = "report-42" };
        _ingestJobs.StartAsync(Arg.Any<CreateIngestJobRequest>(), Arg.Any<AgentsetRequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AgentsetModelFactory.IngestJobRun(job));
        _ingestJobs.ListAsync(Arg.Is<IngestJobListOptions?>(f => f!.Statuses!.Contains(IngestJobStatus.Failed)), Arg.Any<AgentsetRequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AsyncPageable<IngestJob>.FromPages(
                Page<IngestJob>.FromValues([new IngestJob { Id = "job_0", NamespaceId = "ns_1", Status = IngestJobStatus.Failed }], continuationToken: "c2"),
                Page<IngestJob>.FromValues([])));

        // Astropod: one deployment with one ingestion source, and the trigger's answer.
        _deployments.ListAsync("acme", Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AsyncPageable<DeploymentSummary>.FromPages(Page<DeploymentSummary>.FromValues([new DeploymentSummary { Id = "dep-1", Namespace = "acme-prod" }])));
        _deployments.ListIngestionSourcesAsync("dep-1", Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AsyncPageable<IngestionSource>.FromPages(Page<IngestionSource>.FromValues([new IngestionSource("docs_sync", "ingestion-docs_sync", "docs", null)])));
        _ingestions.StartAsync("acme-prod", "docs_sync", "acme", Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AstropodModelFactory.IngestionTrigger("docs_sync", jobName: "ingestion-docs-sync-7f", @namespace: "acme-prod"));

        // TrueFoundry: the run finishes with exit code 0; the previous run no longer exists (404).
        _jobRuns.StartAsync(Arg.Is<TriggerJobRequest>(r => r.ApplicationId == "app-1"), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(TrueFoundryModelFactory.TrueFoundryJobRun(TrueFoundryModelFactory.JobRun("run-9", JobRunStatus.Finished, applicationId: "app-1", exitCode: 0)));
        _jobRuns.GetAsync("app-1", "run-8", Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new NotFoundException(new ServiceErrorInfo { Service = "TrueFoundry", OperationId = "getJobRun", Status = 404, ErrorCode = "NOT_FOUND" }));

        // Shipyard: the fleet run succeeds; the runs CSV has it and one older run.
        var ids = new FleetRunIdentity("req-1", "org", "proj", "fleet", "fr-2", null);
        var record = ShipyardModelFactory.FleetRunRecord("fr-2", "Success");
        _fleetRuns.StartAsync("org", "proj", "fleet", Arg.Any<IEnumerable<VesselOverride>?>(), Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(ShipyardModelFactory.ShipyardFleetRun(ids, record));
        _fleetRuns.ListAsync("org", "proj", "fleet", Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AsyncPageable<FleetRunRecord>.FromPages(Page<FleetRunRecord>.FromValues([ShipyardModelFactory.FleetRunRecord("fr-1", "Errored"), record])));
        _fleetRuns.GetAsync("org", "proj", "fleet", "fr-2", Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>()).Returns(record);

        // Mixpeek: one paused trigger, resumed and executed; its task completes.
        var paused = new Trigger { TriggerId = "trg_1", NamespaceId = "ns", Action = new ClusterAction("cl_1"), Schedule = new IntervalSchedule(TimeSpan.FromHours(1)), Status = TriggerStatus.Paused };
        _triggers.ListAsync(Arg.Any<TriggerListOptions?>(), Arg.Any<MixpeekRequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(AsyncPageable<Trigger>.FromPages(Page<Trigger>.FromValues([paused])));
        _triggers.ResumeAsync("trg_1", Arg.Any<MixpeekRequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(new Trigger { TriggerId = "trg_1", NamespaceId = "ns", Action = paused.Action, Schedule = paused.Schedule, Status = TriggerStatus.Active });
        _executions.StartAsync("trg_1", Arg.Any<MixpeekRequestOptions?>(), Arg.Any<CancellationToken>())
            .Returns(MixpeekModelFactory.TriggerExecutionRun(new TriggerTask { TaskId = "task_1", Status = MixpeekTaskStatus.Completed }));

        var report = await new NightlyPipeline(_agentset, _astropod, _trueFoundry, _shipyard, _mixpeek).RunAsync(CancellationToken.None);

        report.Should().Equal(
            "agentset job_1 COMPLETED report-42",
            "agentset failures 1",
            "astropod ingestion-docs-sync-7f in acme-prod",
            "truefoundry run-9 exit 0",
            "truefoundry run-8 gone",
            "shipyard fr-2 Success (2 runs, 1 failed)",
            "mixpeek trg_1 Active task_1 Succeeded");
        await _ingestions.Received(1).StartAsync("acme-prod", "docs_sync", "acme", Arg.Any<RequestOptions?>(), Arg.Any<CancellationToken>());
        await _triggers.Received(1).ResumeAsync("trg_1", Arg.Any<MixpeekRequestOptions?>(), Arg.Any<CancellationToken>());
        await _fleetRuns.DidNotReceiveWithAnyArgs().GetAsync(default!, default!, default!, default!);
    }

    [Fact]
    public async Task A_run_handle_itself_can_be_substituted_to_script_a_wait()
    {
        // A run that is still running when the user's code waits on it: substitute the handle's virtual wait.
        var running = Substitute.For<TrueFoundryJobRun>(
            TrueFoundryModelFactory.JobRun("run-1", JobRunStatus.Running), "app-1", null, null, null, null);
        var finished = TrueFoundryModelFactory.TrueFoundryJobRun(TrueFoundryModelFactory.JobRun("run-1", JobRunStatus.Failed, error: "OOM"));
        running.WaitForCompletionAsync(Arg.Any<RunWaitOptions>(), Arg.Any<IProgress<RunSnapshot>?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new RunFailedException(finished));

        var failure = await FluentActions.Awaiting(() => running.WaitForCompletionAsync(new RunWaitOptions())).Should().ThrowAsync<RunFailedException>();

        failure.Which.FinalStatus.Should().Be(RunStatus.Failed);
        failure.Which.Run.ErrorMessage.Should().Be("OOM");
    }

    /// <summary>The user's code under test: one step per service, written against the public surface only.</summary>
    private sealed class NightlyPipeline(
        AgentsetClient agentset, AstropodClient astropod, TrueFoundryClient trueFoundry, ShipyardClient shipyard, MixpeekClient mixpeek)
    {
        public async Task<List<string>> RunAsync(CancellationToken cancellationToken)
        {
            var report = new List<string>();

            var ingest = await agentset.IngestJobs.StartAsync(
                new CreateIngestJobRequest { ExternalId = "report-42", Payload = new TextPayload { Text = "Q3" } }, cancellationToken: cancellationToken);
            var job = (await ingest.WaitForCompletionAsync(cancellationToken: cancellationToken)).Value;
            report.Add($"agentset {job.Id} {ingest.RawStatus} {job.ExternalId}");
            var failures = await agentset.IngestJobs.ListAsync(new IngestJobListOptions { Statuses = [IngestJobStatus.Failed] }, cancellationToken: cancellationToken)
                .CountAsync(cancellationToken);
            report.Add($"agentset failures {failures}");

            await foreach (var deployment in astropod.Deployments.ListAsync("acme", cancellationToken: cancellationToken))
            {
                await foreach (var source in astropod.Deployments.ListIngestionSourcesAsync(deployment.Id, cancellationToken: cancellationToken))
                {
                    var started = await astropod.Ingestions.StartAsync(deployment.Namespace!, source.Name, "acme", cancellationToken: cancellationToken);
                    report.Add($"astropod {started.JobName} in {started.Namespace}");
                }
            }

            var run = await trueFoundry.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = "app-1" }, cancellationToken: cancellationToken);
            var finished = (await run.WaitForCompletionAsync(cancellationToken: cancellationToken)).Value;
            report.Add($"truefoundry {finished.Name} exit {finished.ExitCode}");
            try
            {
                await trueFoundry.JobRuns.GetAsync("app-1", "run-8", cancellationToken: cancellationToken);
            }
            catch (AstroTriggersException ex) when (ex.Status == 404)
            {
                report.Add("truefoundry run-8 gone");
            }

            var fleetRun = await shipyard.FleetRuns.StartAsync("org", "proj", "fleet", cancellationToken: cancellationToken);
            var row = (await fleetRun.WaitForCompletionAsync(cancellationToken: cancellationToken)).Value;
            var all = await shipyard.FleetRuns.ListAsync("org", "proj", "fleet", cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            var failed = all.Count(r => FleetRunStatusMap.ToRunStatus(r.Status) == RunStatus.Failed);
            report.Add($"shipyard {row?.FleetLogId} {row?.Status} ({all.Count} runs, {failed} failed)");

            await foreach (var trigger in mixpeek.Triggers.ListAsync(cancellationToken: cancellationToken))
            {
                var active = trigger.Status == TriggerStatus.Paused
                    ? await mixpeek.Triggers.ResumeAsync(trigger.TriggerId, cancellationToken: cancellationToken)
                    : trigger;
                var execution = await mixpeek.Executions.StartAsync(active.TriggerId, cancellationToken: cancellationToken);
                await execution.WaitForCompletionAsync(cancellationToken: cancellationToken);
                report.Add($"mixpeek {active.TriggerId} {active.Status} {execution.Id} {execution.Status}");
            }

            return report;
        }
    }
}
