using System.Globalization;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>Starting ingest jobs exactly once: an ambiguous create reconciled by ExternalId against the fake, real
/// loopback HTTP, what the fake holds and saw asserted.</summary>
public sealed class IngestJobsStartManyTests : IAsyncLifetime, IDisposable
{
    // CA1001: the client is also disposed here, so the type says it owns it (DisposeAsync disposes it first; twice is harmless).
    public void Dispose() => _client?.Dispose();

    // No settle wait in these tests: the fake has finished with a request by the time its answer is lost.
    private static readonly ReconcileOptions Now = new() { SettleDelay = TimeSpan.Zero };

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

    private static CreateIngestJobRequest Job(string? externalId) =>
        new() { ExternalId = externalId, Payload = new TextPayload { Text = "Quarterly report." } };

    private int Sent(string operationId) => _fake.Requests.Count(r => r.OperationId == operationId);

    [Fact]
    public async Task An_ambiguous_500_after_the_create_is_reconciled_to_the_created_job_without_a_duplicate()
    {
        _fake.Faults.For("createIngestJob").ServerErrorAfterProcessing();

        var run = await _client.IngestJobs.StartReconciledAsync(Job("doc-1"), Now);

        run.Id.Should().StartWith("job_");
        _fake.ExternalIdCounts.Should().Equal(new Dictionary<string, int> { ["doc-1"] = 1 });
        Sent("createIngestJob").Should().Be(1, "found, so not resent");
        Sent("listIngestJobs").Should().Be(1);
        (await _client.IngestJobs.ListAsync().SingleAsync()).Id.Should().Be(run.Id, "the run is the job the lost answer was about");
    }

    [Fact]
    public async Task A_reset_after_the_request_was_read_and_acted_on_is_reconciled()
    {
        _fake.Faults.For("createIngestJob").DropConnectionAfterProcessing();

        var run = await _client.IngestJobs.StartReconciledAsync(Job("doc-2"), Now);

        _fake.ExternalIdCounts.Should().Equal(new Dictionary<string, int> { ["doc-2"] = 1 });
        run.Id.Should().Be((await _client.IngestJobs.ListAsync().SingleAsync()).Id);
        Sent("createIngestJob").Should().Be(1);
    }

    [Fact]
    public async Task A_create_proven_absent_is_sent_exactly_once_more()
    {
        _fake.Faults.For("createIngestJob").DropConnection();

        var outcome = await _client.IngestJobs.StartManyAsync([Job("doc-3")], new StartManyOptions { Reconcile = Now }).SingleAsync();

        outcome.Kind.Should().Be(StartOutcomeKind.Started);
        outcome.Reconciliation.Should().Be(Reconciliation.NotCreated);
        outcome.Resent.Should().BeTrue();
        _fake.ExternalIdCounts.Should().Equal(new Dictionary<string, int> { ["doc-3"] = 1 });
        _fake.Requests.Select(r => r.OperationId).Should().Equal(["createIngestJob", "listIngestJobs", "createIngestJob"]);
    }

    [Fact]
    public async Task A_resend_that_is_lost_too_is_reconciled_but_never_sent_a_third_time()
    {
        _fake.Faults.For("createIngestJob").DropConnection(count: 2);

        var start = () => _client.IngestJobs.StartReconciledAsync(Job("doc-4"), Now);

        var thrown = (await start.Should().ThrowAsync<AmbiguousStartException>()).Which;
        thrown.Reconciliation.Should().Be(Reconciliation.NotCreated);
        thrown.MayHaveBeenProcessed.Should().BeFalse("the second lookup proved it absent too");
        thrown.Failure.Should().BeOfType<ServiceTransportException>();
        Sent("createIngestJob").Should().Be(2);
        _fake.JobCount.Should().Be(0);
    }

    [Fact]
    public async Task The_outcome_is_unknown_when_the_lookup_itself_fails_and_nothing_is_resent()
    {
        _fake.Faults.For("createIngestJob").ServerErrorAfterProcessing();
        _fake.Faults.For("listIngestJobs").ServerError(count: 10, status: 500);

        var start = () => _client.IngestJobs.StartReconciledAsync(Job("doc-5"), Now);

        var thrown = (await start.Should().ThrowAsync<AmbiguousStartException>()).Which;
        thrown.Reconciliation.Should().Be(Reconciliation.Unknown);
        thrown.MayHaveBeenProcessed.Should().BeTrue();
        thrown.Status.Should().Be(500, "the exception reports the create's own failure");
        thrown.InnerException.Should().BeOfType<InternalServerErrorException>();
        Sent("createIngestJob").Should().Be(1);
        _fake.JobCount.Should().Be(1);
    }

    [Fact]
    public async Task A_job_without_an_external_id_cannot_be_looked_up_and_is_not_resent()
    {
        _fake.Faults.For("createIngestJob").DropConnection();

        var outcome = await _client.IngestJobs.StartManyAsync([Job(null)], new StartManyOptions { Reconcile = Now }).SingleAsync();

        outcome.Kind.Should().Be(StartOutcomeKind.Ambiguous);
        outcome.Reconciliation.Should().Be(Reconciliation.Unsupported);
        outcome.Error.Should().BeOfType<ServiceTransportException>().Which.MayHaveBeenProcessed.Should().BeTrue();
        _fake.Requests.Select(r => r.OperationId).Should().Equal(["createIngestJob"]);
    }

    [Fact]
    public async Task The_lookup_stops_at_the_first_job_older_than_the_call_minus_the_skew()
    {
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow) });
        using var client = new AgentsetClient(fake.CreateClientOptions());
        var clock = (Microsoft.Extensions.Time.Testing.FakeTimeProvider)fake.TimeProvider;
        for (var i = 0; i < 150; i++)
        {
            await client.IngestJobs.CreateAsync(Job("old-" + i.ToString(CultureInfo.InvariantCulture)));
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        fake.Faults.For("createIngestJob").DropConnection();

        var outcome = await client.IngestJobs.StartManyAsync([Job("new")], new StartManyOptions { Reconcile = Now }).SingleAsync();

        outcome.Reconciliation.Should().Be(Reconciliation.NotCreated);
        fake.Requests.Count(r => r.OperationId == "listIngestJobs").Should().Be(1, "150 older jobs lie beyond the first page, and the first of them ends the lookup");
        fake.Requests.Single(r => r.OperationId == "listIngestJobs").QueryValue("order").Should().Be("desc");
    }

    [Fact]
    public async Task Refused_outcomes_carry_the_typed_error_and_are_not_resent()
    {
        _fake.Faults.For("createIngestJob").RateLimit(1, TimeSpan.FromMinutes(10));
        CreateIngestJobRequest[] jobs = [Job("ok"), new() { ExternalId = "empty", Payload = new TextPayload { Text = " " } }];

        var outcomes = await _client.IngestJobs.StartManyAsync(jobs, new StartManyOptions { MaxConcurrency = 1, Reconcile = Now }).ToListAsync();

        outcomes.Should().AllSatisfy(o => o.Kind.Should().Be(StartOutcomeKind.Refused));
        outcomes.Single(o => o.Index == 0).Error.Should().BeOfType<RateLimitExceededException>()
            .Which.RetryAfter.Should().BeGreaterThan(TimeSpan.FromMinutes(9));
        outcomes.Single(o => o.Index == 1).Error.Should().BeAssignableTo<ArgumentException>()
            .Which.ParamName.Should().Contain("Payload.Text");
        outcomes.Should().AllSatisfy(o => o.Run.Should().BeNull());
        Sent("createIngestJob").Should().Be(1, "the invalid job was refused before sending");
        Sent("listIngestJobs").Should().Be(0, "a refusal is certain: nothing to reconcile");
    }

    [Fact]
    public async Task At_most_max_concurrency_starts_are_in_flight_as_the_fake_sees_them()
    {
        _fake.Faults.For("createIngestJob").Delay(TimeSpan.FromMilliseconds(60), count: 24);
        var jobs = Enumerable.Range(0, 24).Select(i => Job("c-" + i.ToString(CultureInfo.InvariantCulture)));

        var outcomes = await _client.IngestJobs.StartManyAsync(jobs, new StartManyOptions { MaxConcurrency = 4 }).ToListAsync();

        outcomes.Should().HaveCount(24).And.AllSatisfy(o => o.Kind.Should().Be(StartOutcomeKind.Started));
        outcomes.Select(o => o.Index).Should().BeEquivalentTo(Enumerable.Range(0, 24).Select(i => (long)i));
        _fake.MaxInFlight.Should().BeLessThanOrEqualTo(4).And.BeGreaterThan(1);
        _fake.JobCount.Should().Be(24);
    }

    [Fact]
    public async Task Options_are_checked_at_the_call()
    {
        var many = () => _client.IngestJobs.StartManyAsync([Job("x")], new StartManyOptions { MaxConcurrency = 0 });
        var single = () => _client.IngestJobs.StartReconciledAsync(Job("x"), new ReconcileOptions { ClockSkew = TimeSpan.FromSeconds(-1) });

        many.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("startMany.MaxConcurrency");
        (await single.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("reconcile.ClockSkew");
        _fake.Requests.Should().BeEmpty();
    }
}
