using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Testing.Mixpeek;

namespace Astro.Triggers.Sdk.Tests.Mixpeek;

/// <summary>An execute whose answer was lost, reconciled by the trigger's execution history since the call.</summary>
public sealed class ExecutionsReconciledTests : IAsyncLifetime, IDisposable
{
    // CA1001: the client is also disposed here, so the type says it owns it (DisposeAsync disposes it first; twice is harmless).
    public void Dispose() => _client?.Dispose();

    private static readonly ReconcileOptions Now = new() { SettleDelay = TimeSpan.Zero };

    private readonly MixpeekFake _fake = MixpeekFake.Start();
    private MixpeekClient _client = null!;
    private string _trigger = null!;

    public async Task InitializeAsync()
    {
        _client = new MixpeekClient(_fake.CreateClientOptions());
        _trigger = (await _client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clu_a"), new IntervalSchedule(TimeSpan.FromHours(1))))).TriggerId;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    private int Executes => _fake.Requests.Count(r => r.OperationId == "executeTrigger");

    [Fact]
    public async Task An_execute_acted_on_before_a_500_is_found_in_the_history()
    {
        _fake.Faults.For("executeTrigger").ServerErrorAfterProcessing();

        var run = await _client.Executions.StartReconciledAsync(_trigger, Now);

        var history = await _client.Executions.ListAsync(_trigger).ToListAsync();
        history.Should().ContainSingle().Which.TaskId.Should().Be(run.Id);
        Executes.Should().Be(1);
    }

    [Fact]
    public async Task An_execute_proven_absent_is_sent_once_more()
    {
        _fake.Faults.For("executeTrigger").DropConnection();

        var run = await _client.Executions.StartReconciledAsync(_trigger, Now);

        (await _client.Executions.ListAsync(_trigger).ToListAsync()).Should().ContainSingle().Which.TaskId.Should().Be(run.Id);
        Executes.Should().Be(2);
    }

    [Fact]
    public async Task Two_executions_since_the_call_cannot_be_attributed()
    {
        // Another execute of the same trigger lands in the span the lookup covers (the skew reaches back to it).
        await _client.Executions.StartAsync(_trigger);
        _fake.Faults.For("executeTrigger").ServerErrorAfterProcessing();

        var start = () => _client.Executions.StartReconciledAsync(_trigger, Now);

        (await start.Should().ThrowAsync<AmbiguousStartException>()).Which.Reconciliation.Should().Be(Reconciliation.Unknown);
        Executes.Should().Be(2, "not resent");
    }

    [Fact]
    public async Task Through_start_many_the_reconciliation_is_reported()
    {
        _fake.Faults.For("executeTrigger").ServerErrorAfterProcessing();
        _fake.Faults.For("getTriggerHistory").ServerError(count: 5, status: 500);

        var outcome = await StartMany.RunAsync([_trigger], (id, ct) => _client.Executions.StartReconciledAsync(id, Now, cancellationToken: ct)).SingleAsync();

        outcome.Kind.Should().Be(StartOutcomeKind.Ambiguous);
        outcome.Reconciliation.Should().Be(Reconciliation.Unknown);
        outcome.Error.Should().BeOfType<InternalServerErrorException>();
        Executes.Should().Be(1);
    }
}
