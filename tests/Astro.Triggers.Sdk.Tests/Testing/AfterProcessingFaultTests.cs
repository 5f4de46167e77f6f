using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Mixpeek;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>The ambiguous faults a start-many measurement needs: the call is acted on, then its answer is lost (a 500,
/// a reset connection); and what the fakes let a test count (jobs per ExternalId, requests in flight).</summary>
public sealed class AfterProcessingFaultTests : IAsyncLifetime, IDisposable
{
    // CA1001: the client is also disposed here, so the type says it owns it (DisposeAsync disposes it first; twice is harmless).
    public void Dispose() => _client?.Dispose();

    private readonly AgentsetFake _fake = AgentsetFake.Start();
    private AgentsetClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new AgentsetClient(_fake.CreateClientOptions());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    private static CreateIngestJobRequest Job(string externalId) =>
        new() { ExternalId = externalId, Payload = new TextPayload { Text = "hello" } };

    [Fact]
    public async Task A_500_after_processing_creates_the_job_and_answers_500()
    {
        _fake.Faults.For("createIngestJob").ServerErrorAfterProcessing();

        var create = () => _client.IngestJobs.CreateAsync(Job("a"));

        var thrown = (await create.Should().ThrowAsync<InternalServerErrorException>()).Which;
        thrown.MayHaveBeenProcessed.Should().BeTrue();
        _fake.Faults.Injected.Should().Be(1);
        _fake.Requests.Should().ContainSingle("a 500 on a create is not retried");
        _fake.JobCount.Should().Be(1, "the fault acted on the request before answering");
        (await _client.IngestJobs.ListAsync().ToListAsync()).Single().ExternalId.Should().Be("a", "the list shows the job's ExternalId");
    }

    [Fact]
    public async Task A_reset_after_processing_creates_the_job_and_gives_no_answer()
    {
        _fake.Faults.For("createIngestJob").DropConnectionAfterProcessing();

        var create = () => _client.IngestJobs.CreateAsync(Job("b"));

        (await create.Should().ThrowAsync<ServiceTransportException>()).Which.MayHaveBeenProcessed.Should().BeTrue();
        _fake.JobCount.Should().Be(1);
        _fake.ExternalIdCounts.Should().Equal(new Dictionary<string, int> { ["b"] = 1 });
    }

    [Fact]
    public async Task A_plain_dropped_connection_reads_the_request_and_does_not_act_on_it()
    {
        _fake.Faults.For("createIngestJob").DropConnection();

        var create = () => _client.IngestJobs.CreateAsync(Job("c"));

        (await create.Should().ThrowAsync<ServiceTransportException>()).Which.MayHaveBeenProcessed.Should().BeTrue();
        _fake.JobCount.Should().Be(0);
        _fake.Requests.Single().Body.Should().Contain("\"c\"", "the request was read before the connection was dropped");
    }

    [Fact]
    public async Task A_refusal_is_answered_as_is_and_nothing_is_created()
    {
        _fake.Faults.For("createIngestJob").ServerErrorAfterProcessing();

        var create = () => _client.IngestJobs.CreateAsync(new CreateIngestJobRequest { ExternalId = "d", Payload = new TextPayload { Text = "x" } },
            new AgentsetRequestOptions { NamespaceId = "ns_other" });

        await create.Should().ThrowAsync<NotFoundException>("the fake refused the call (unknown namespace), so the fault has nothing to hide");
        _fake.JobCount.Should().Be(0);
    }

    [Fact]
    public async Task A_matching_fault_hits_only_the_first_call_it_accepts()
    {
        var view = _fake.Faults.For("createIngestJob", r => r.Body.Contains("\"g-2\"", StringComparison.Ordinal)).DropConnection();

        await _client.IngestJobs.CreateAsync(Job("g-1"));
        var second = () => _client.IngestJobs.CreateAsync(Job("g-2"));
        await second.Should().ThrowAsync<ServiceTransportException>();
        await _client.IngestJobs.CreateAsync(Job("g-2"));

        view.Injected.Should().Be(1);
        view.Pending.Should().Be(0);
        view.Target.Should().Be("createIngestJob (matching calls)");
        _fake.ExternalIdCounts.Should().Equal(new Dictionary<string, int> { ["g-1"] = 1, ["g-2"] = 1 });
    }

    [Fact]
    public async Task External_id_counts_show_a_duplicate()
    {
        await _client.IngestJobs.CreateAsync(Job("e"));
        await _client.IngestJobs.CreateAsync(Job("e"));
        await _client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "no id" } });

        _fake.ExternalIdCounts.Should().Equal(new Dictionary<string, int> { ["e"] = 2 });
    }

    [Fact]
    public async Task Max_in_flight_counts_concurrent_requests()
    {
        _fake.Faults.For("getIngestJob").Delay(TimeSpan.FromMilliseconds(300), count: 3);
        var job = await _client.IngestJobs.CreateAsync(Job("f"));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.IngestJobs.GetAsync(job.Id)));

        _fake.MaxInFlight.Should().Be(3);
    }

    [Fact]
    public async Task A_500_after_processing_on_a_trigger_starts_the_execution()
    {
        await using var mixpeek = MixpeekFake.Start();
        using var client = new Sdk.Mixpeek.MixpeekClient(mixpeek.CreateClientOptions());
        var trigger = await client.Triggers.CreateAsync(new Sdk.Mixpeek.CreateTriggerRequest(new Sdk.Mixpeek.ClusterAction("clu_a"), new Sdk.Mixpeek.IntervalSchedule(TimeSpan.FromHours(1))));
        mixpeek.Faults.For("executeTrigger").ServerErrorAfterProcessing();

        var execute = () => client.Executions.StartAsync(trigger.TriggerId);

        await execute.Should().ThrowAsync<InternalServerErrorException>();
        (await client.Executions.ListAsync(trigger.TriggerId).ToListAsync()).Should().ContainSingle();
    }
}
