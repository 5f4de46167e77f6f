using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Core.Runs;

/// <summary>A run that ends in the common Cancelled status is a <see cref="RunCancelledException"/> (still a
/// <see cref="RunFailedException"/>), on every service whose runs can be cancelled (issue 25: a cancelled TrueFoundry run
/// surfaced as RunFailedException "ended Cancelled").</summary>
public sealed class RunCancelledExceptionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_terminated_truefoundry_run_throws_RunCancelledException()
    {
        await using var fake = TrueFoundryFake.Start(new TrueFoundryFakeOptions { TimeProvider = new FakeTimeProvider(Start) });
        using var client = new TrueFoundryClient(fake.CreateClientOptions());
        var run = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = fake.ApplicationId, Input = new JobRunInput { Command = "etl" } });
        await client.JobRuns.CancelAsync(fake.DeploymentId, run.Id);

        var error = (await run.Invoking(r => r.WaitForCompletionAsync()).Should().ThrowAsync<RunCancelledException>()).Which;

        error.Should().BeAssignableTo<RunFailedException>();
        error.FinalStatus.Should().Be(RunStatus.Cancelled);
        error.RawStatus.Should().Be("TERMINATION_REQUESTED");
        error.Message.Should().Contain($"TrueFoundry run '{run.Id}' was cancelled (service status 'TERMINATION_REQUESTED')").And.NotContain("ended Cancelled");
    }

    [Fact]
    public async Task A_killed_mixpeek_task_throws_RunCancelledException()
    {
        await using var fake = MixpeekFake.Start(new MixpeekFakeOptions { TimeProvider = new FakeTimeProvider(Start) });
        using var client = new MixpeekClient(fake.CreateClientOptions());
        var trigger = await client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clu_1"), new CronSchedule("0 2 * * *")));
        var run = await client.Executions.StartAsync(trigger.TriggerId);
        await run.CancelAsync();

        var error = (await run.Invoking(r => r.WaitForCompletionAsync()).Should().ThrowAsync<RunCancelledException>()).Which;

        error.RawStatus.Should().Be("CANCELED");
    }

    [Fact]
    public async Task Agentset_and_shipyard_runs_that_ended_cancelled_throw_it_too_and_a_failed_run_does_not()
    {
        IngestJob Job(IngestJobStatus status) => new() { Id = "job_1", NamespaceId = "ns_1", Status = status, Payload = new TextPayload { Text = "x" } };
        var shipyard = ShipyardModelFactory.ShipyardFleetRun(new FleetRunIdentity(null, "org", "project", "fleet", "run_1", null), ShipyardModelFactory.FleetRunRecord("run_1", "Cancelled"));

        await AgentsetModelFactory.IngestJobRun(Job(IngestJobStatus.Cancelled)).Invoking(r => r.WaitForCompletionAsync()).Should().ThrowAsync<RunCancelledException>();
        await shipyard.Invoking(r => r.WaitForCompletionAsync()).Should().ThrowAsync<RunCancelledException>();
        (await AgentsetModelFactory.IngestJobRun(Job(IngestJobStatus.Failed)).Invoking(r => r.WaitForCompletionAsync()).Should().ThrowAsync<RunFailedException>())
            .Which.Should().NotBeOfType<RunCancelledException>().And.Subject.As<RunFailedException>().Message.Should().Contain("ended Failed");
    }

    [Fact]
    public async Task Without_ThrowOnFailure_a_cancelled_run_is_returned()
    {
        var run = AgentsetModelFactory.IngestJobRun(new IngestJob { Id = "job_1", NamespaceId = "ns_1", Status = IngestJobStatus.Cancelled, Payload = new TextPayload { Text = "x" } });

        (await run.WaitForCompletionAsync(new RunWaitOptions { ThrowOnFailure = false })).Status.Should().Be(RunStatus.Cancelled);
    }

    [Fact]
    public void Its_constructor_refuses_a_run_that_was_not_cancelled()
    {
        var failed = AgentsetModelFactory.IngestJobRun(new IngestJob { Id = "job_1", NamespaceId = "ns_1", Status = IngestJobStatus.Failed, Payload = new TextPayload { Text = "x" } });

        FluentActions.Invoking(() => new RunCancelledException(failed)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("run");
        FluentActions.Invoking(() => new RunCancelledException(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("run");
    }
}
