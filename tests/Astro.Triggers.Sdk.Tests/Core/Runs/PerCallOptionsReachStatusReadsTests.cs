using System.Collections.Concurrent;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Core.Runs;

/// <summary>Issue 20 #1: per-call options given when a run is started reach every request made on the caller's behalf
/// afterwards — each status read (and the cancel) — for every service with a run handle; the server sees them.
/// TrueFoundry's polls used to drop them.</summary>
public sealed class PerCallOptionsReachStatusReadsTests
{
    private static readonly RunWaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(50), BackoffFactor = 1, Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Agentset_status_reads_carry_the_per_call_tenant_and_callback()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMilliseconds(100), PreProcessingTime = TimeSpan.FromMilliseconds(50), ProcessingTime = TimeSpan.FromMilliseconds(100) });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var seen = new ConcurrentQueue<string>();
        var options = new AgentsetRequestOptions { TenantId = "tenant7", OnResponse = r => seen.Enqueue(r.OperationId) };

        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } }, options);
        await run.WaitForCompletionAsync(Fast);

        var reads = fake.Requests.Where(r => r.OperationId == "getIngestJob").ToList();
        reads.Should().NotBeEmpty().And.OnlyContain(r => r.Header("x-tenant-id") == "tenant7");
        seen.Count(id => id == "getIngestJob").Should().Be(reads.Count);
    }

    [Fact]
    public async Task Mixpeek_status_reads_and_the_cancel_use_the_per_call_namespace()
    {
        await using var fake = MixpeekFake.Start(new MixpeekFakeOptions { TaskStepTime = TimeSpan.FromSeconds(30) });
        var clientOptions = fake.CreateClientOptions();
        clientOptions.Namespace = "ns_elsewhere";                      // the fake answers 404 for any namespace but its own
        using var client = new MixpeekClient(clientOptions);
        var options = new MixpeekRequestOptions { Namespace = fake.NamespaceId };
        var trigger = await client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clust_1"), new CronSchedule("0 2 * * *")), options);

        var run = await client.Executions.StartAsync(trigger.TriggerId, options);
        await run.UpdateStatusAsync();
        await run.CancelAsync();

        run.Status.Should().Be(RunStatus.Cancelled);
        fake.Requests.Where(r => r.OperationId is "getTask" or "cancelTask").Should().HaveCountGreaterThanOrEqualTo(3)
            .And.OnlyContain(r => r.Header("X-Namespace") == fake.NamespaceId);
    }

    [Fact]
    public async Task TrueFoundry_status_reads_use_the_per_call_options()
    {
        await using var fake = TrueFoundryFake.Start(new TrueFoundryFakeOptions { SchedulingTime = TimeSpan.FromMilliseconds(50), RunTime = TimeSpan.FromMilliseconds(150) });
        using var client = new TrueFoundryClient(fake.CreateClientOptions());
        var seen = new ConcurrentQueue<string>();
        var options = new RequestOptions { OnResponse = r => seen.Enqueue(r.OperationId) };

        var run = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = fake.ApplicationId }, options);
        await run.WaitForCompletionAsync(Fast);

        var reads = fake.Requests.Count(r => r.OperationId == "getJobRun");
        reads.Should().BeGreaterThan(0);
        seen.Count(id => id == "getJobRun").Should().Be(reads, "every poll carried the per-call options given at start");
    }

    [Fact]
    public async Task Shipyard_status_reads_use_the_per_call_options()
    {
        await using var fake = ShipyardFake.Start(new ShipyardFakeOptions { ScheduledTime = TimeSpan.FromMilliseconds(50), RunTime = TimeSpan.FromMilliseconds(150) });
        using var client = new ShipyardClient(fake.CreateClientOptions());
        var seen = new ConcurrentQueue<string>();
        var options = new RequestOptions { OnResponse = r => seen.Enqueue(r.OperationId) };

        var run = await client.FleetRuns.StartAsync(fake.OrgId, fake.ProjectId, fake.FleetId, options: options);
        await run.WaitForCompletionAsync(Fast);

        var reads = fake.Requests.Count(r => r.OperationId == "listFleetRuns");
        reads.Should().BeGreaterThan(0);
        seen.Count(id => id == "listFleetRuns").Should().Be(reads);
    }
}
