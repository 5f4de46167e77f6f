using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Core.Starts;

/// <summary>The service-neutral start-many: completion order, the concurrency limit, and services without a way to
/// reconcile, which never resend.</summary>
public sealed class StartManyTests
{
    private sealed class Handle(int value)
    {
        public int Value { get; } = value;
    }

    [Fact]
    public async Task Outcomes_come_in_completion_order()
    {
        // Each start waits for its own gate; the gates open in an order unlike the input's, one at a time, so the only
        // outcome ready at each step is the one just released (no timing involved).
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        await using var outcomes = StartMany.RunAsync(
            [0, 1, 2, 3],
            async (i, ct) =>
            {
                await gates[i].Task.WaitAsync(ct);
                return new Handle(i);
            },
            new StartManyOptions { MaxConcurrency = 4 }).GetAsyncEnumerator();

        var order = new List<long>();
        foreach (var i in new[] { 2, 3, 1, 0 })
        {
            gates[i].SetResult();
            (await outcomes.MoveNextAsync()).Should().BeTrue();
            outcomes.Current.Run!.Value.Should().Be((int)outcomes.Current.Index);
            order.Add(outcomes.Current.Index);
        }

        order.Should().Equal(2, 3, 1, 0);
        (await outcomes.MoveNextAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task No_more_than_max_concurrency_starts_run_at_once()
    {
        int inFlight = 0, max = 0;
        var outcomes = await StartMany.RunAsync(
            Enumerable.Range(0, 30),
            async (i, ct) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref max, now);
                await Task.Delay(5, ct);
                Interlocked.Decrement(ref inFlight);
                return new Handle(i);
            },
            new StartManyOptions { MaxConcurrency = 3 }).ToListAsync();

        outcomes.Should().HaveCount(30);
        max.Should().BeLessThanOrEqualTo(3).And.BeGreaterThan(1);
    }

    [Fact]
    public async Task An_exception_outside_the_sdk_ends_the_enumeration()
    {
        var run = async () => await StartMany.RunAsync<int, Handle>(
            [1, 2],
            (i, _) => i == 2 ? throw new InvalidOperationException("bug") : Task.FromResult(new Handle(i)),
            new StartManyOptions { MaxConcurrency = 1 }).ToListAsync();

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("bug");
    }

    [Fact]
    public async Task Stopping_early_cancels_the_starts_in_flight()
    {
        var cancelled = 0;
        await foreach (var outcome in StartMany.RunAsync(
            Enumerable.Range(0, 10),
            async (i, ct) =>
            {
                if (i > 0)
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref cancelled);
                        throw;
                    }
                }

                return new Handle(i);
            },
            new StartManyOptions { MaxConcurrency = 3 }))
        {
            outcome.Index.Should().Be(0);
            break;
        }

        cancelled.Should().BeInRange(2, 3, "the starts in flight (two or three, as the freed slot was taken or not) were cancelled when the reader stopped");
    }

    [Fact]
    public async Task TrueFoundry_an_ambiguous_trigger_stays_ambiguous_and_is_never_resent()
    {
        await using var fake = TrueFoundryFake.Start();
        using var client = new TrueFoundryClient(fake.CreateClientOptions());
        fake.Faults.For("triggerJob").ServerErrorAfterProcessing();
        var request = new TriggerJobRequest { ApplicationId = fake.ApplicationId, Input = new JobRunInput { Command = "python etl.py" } };

        var outcome = await StartMany.RunAsync([request], (r, ct) => client.JobRuns.StartAsync(r, cancellationToken: ct)).SingleAsync();

        outcome.Kind.Should().Be(StartOutcomeKind.Ambiguous);
        outcome.Reconciliation.Should().Be(Reconciliation.Unsupported);
        outcome.Error.Should().BeOfType<InternalServerErrorException>().Which.MayHaveBeenProcessed.Should().BeTrue();
        outcome.Resent.Should().BeFalse();
        fake.Requests.Should().ContainSingle("nothing is resent where nothing can prove the run absent");
    }

    [Fact]
    public async Task Shipyard_a_reset_trigger_stays_ambiguous_and_is_never_resent()
    {
        await using var fake = ShipyardFake.Start();
        using var client = new ShipyardClient(fake.CreateClientOptions());
        fake.Faults.For("triggerFleetRun").DropConnection();

        var outcome = await StartMany.RunAsync(
            [fake.FleetId],
            (fleet, ct) => client.FleetRuns.StartAsync(fake.OrgId, fake.ProjectId, fleet, cancellationToken: ct)).SingleAsync();

        outcome.Kind.Should().Be(StartOutcomeKind.Ambiguous);
        outcome.Error.Should().BeOfType<ServiceTransportException>();
        fake.Requests.Should().ContainSingle();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
