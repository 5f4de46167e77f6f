using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>
/// A test as a user of the SDK writes one for their own code: start a fake, point the real client at it, run the
/// whole flow, and make the service misbehave to see the client cope. Nothing here reaches into the SDK's internals.
/// </summary>
public sealed class WritingYourOwnTestsExample
{
    [Fact]
    public async Task Ingest_a_document_wait_for_it_and_find_it_in_the_list_despite_a_rate_limit()
    {
        // Arrange: a fake Agentset on loopback whose jobs finish in about half a second of real time.
        await using var agentset = AgentsetFake.Start(new AgentsetFakeOptions
        {
            QueuedTime = TimeSpan.FromMilliseconds(100),
            PreProcessingTime = TimeSpan.FromMilliseconds(100),
            ProcessingTime = TimeSpan.FromMilliseconds(300),
        });
        using var client = new AgentsetClient(agentset.CreateClientOptions());

        // Act: create, then wait for the job through the SDK's run handle.
        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest
        {
            Name = "quarterly report",
            ExternalId = "doc-42",
            Payload = new TextPayload { Text = "Revenue grew 12%." },
        });
        await run.WaitForCompletionAsync(new RunWaitOptions { PollInterval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(10) });

        // The next call is rate limited once; Agentset says "retry at <reset moment>", one second from now.
        agentset.Faults.RateLimit(count: 1, retryAfter: TimeSpan.FromSeconds(1));
        var jobs = await client.IngestJobs.ListAsync(new IngestJobListOptions { Statuses = [IngestJobStatus.Completed] }).ToListAsync();

        // Assert: the job completed, the list found it, and the client retried the 429 instead of failing.
        run.Status.Should().Be(RunStatus.Succeeded);
        jobs.Should().ContainSingle(j => j.Id == run.Id && j.ExternalId == "doc-42");
        agentset.Faults.Injected.Should().Be(1);
        var listCalls = agentset.Requests.Where(r => r.OperationId == "listIngestJobs").ToList();
        listCalls.Should().HaveCount(2, "the 429 and its retry");
        listCalls[1].QueryValue("statuses").Should().Be("COMPLETED");
        (listCalls[1].ReceivedAt - listCalls[0].ReceivedAt).Should().BeGreaterThan(TimeSpan.FromMilliseconds(500), "the client waited for the reset moment");
    }
}
