using System.Globalization;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Tests.Agentset;

/// <summary>Issue 31's measurement as a test of counts (its times are in docs/benchmarks.md, <c>--startmany</c>):
/// 2,000 jobs with ExternalIds, 32 at a time, against the fake's enforced limit while ambiguous faults are injected.</summary>
public sealed class StartManyMeasuredTests
{
    public const int Jobs = 2_000;
    public const int Concurrency = 32;

    [Fact]
    public async Task Two_thousand_jobs_under_ambiguous_faults_start_exactly_once_with_no_unknown_outcome()
    {
        // A limit well above what this machine can send keeps the test quick; the pacer still reads every answer's headers.
        await using var fake = AgentsetFake.Start(new AgentsetFakeOptions
        {
            EnforceRateLimit = true,
            RateLimit = 5_000,
            RateLimitWindow = TimeSpan.FromSeconds(1),
        });
        var options = fake.CreateClientOptions();
        options.Transport = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency };
        using var client = new AgentsetClient(options);
        // Every 25th job's create meets an ambiguous fault, the three kinds in turn: acted on then 500, acted on then
        // reset, reset without acting. Each fault is targeted at that job's first create, so a resend is never faulted.
        var faulted = Enumerable.Range(0, Jobs).Where(i => i % 25 == 0).ToList();
        foreach (var i in faulted)
        {
            var marker = $"\"doc-{i.ToString(CultureInfo.InvariantCulture)}\"";
            var create = fake.Faults.For("createIngestJob", r => r.Body.Contains(marker, StringComparison.Ordinal));
            _ = (i / 25 % 3) switch
            {
                0 => create.ServerErrorAfterProcessing(),
                1 => create.DropConnectionAfterProcessing(),
                _ => create.DropConnection(),
            };
        }

        var requests = Enumerable.Range(0, Jobs).Select(i => new CreateIngestJobRequest
        {
            ExternalId = "doc-" + i.ToString(CultureInfo.InvariantCulture),
            Payload = new TextPayload { Text = "Quarterly report." },
        });

        // Client and fake share this machine's clock: a skew of 50 ms covers createdAt's millisecond rounding.
        var settings = new StartManyOptions
        {
            MaxConcurrency = Concurrency,
            Reconcile = new ReconcileOptions { ClockSkew = TimeSpan.FromMilliseconds(50), SettleDelay = TimeSpan.Zero },
        };
        var outcomes = await client.IngestJobs.StartManyAsync(requests, settings).ToListAsync();

        outcomes.Should().HaveCount(Jobs);
        outcomes.Count(o => o.Kind == StartOutcomeKind.Ambiguous).Should().Be(0, "every ambiguous create was decided");
        outcomes.Count(o => o.Kind == StartOutcomeKind.Refused).Should().Be(0);
        var counts = fake.ExternalIdCounts;
        fake.JobCount.Should().Be(Jobs, "no job was created twice");
        counts.Should().HaveCount(Jobs).And.OnlyContain(c => c.Value == 1);
        fake.Faults.Injected.Should().Be(faulted.Count, "every fault hit its job's first create");
        var notActedOn = faulted.Count(i => i / 25 % 3 == 2);
        outcomes.Count(o => o.Reconciliation == Reconciliation.Created).Should().Be(faulted.Count - notActedOn, "found, not created twice");
        outcomes.Count(o => o.Reconciliation == Reconciliation.NotCreated && o.Resent).Should().Be(notActedOn, "proven absent, sent once more");
        fake.Requests.Count(r => r.OperationId == "createIngestJob").Should().Be(Jobs + notActedOn);
        outcomes.Select(o => o.Run!.Id).Should().OnlyHaveUniqueItems();
        fake.MaxInFlight.Should().BeLessThanOrEqualTo(Concurrency);
    }
}
