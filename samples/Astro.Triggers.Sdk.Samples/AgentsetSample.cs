using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

namespace Astro.Triggers.Sdk.Samples;

/// <summary>Create an ingest job, wait for it, page through the namespace's jobs.
/// Real service: AGENTSET_API_KEY, AGENTSET_NAMESPACE_ID (and optionally AGENTSET_BASE_URL).</summary>
internal static class AgentsetSample
{
    public static async Task RunAsync(Steps steps)
    {
        void Say(string text) => steps.Say("Agentset", text);
        var key = Steps.Env("AGENTSET_API_KEY");
        await using var fake = key is null
            ? AgentsetFake.Start(new AgentsetFakeOptions { QueuedTime = TimeSpan.FromMilliseconds(150), PreProcessingTime = TimeSpan.FromMilliseconds(100), ProcessingTime = TimeSpan.FromMilliseconds(300) })
            : null;
        var options = fake?.CreateClientOptions() ?? new AgentsetClientOptions
        {
            ApiKey = key,
            NamespaceId = Steps.Need("AGENTSET_NAMESPACE_ID", " (ns_…) with AGENTSET_API_KEY"),
            BaseAddress = Steps.BaseUrl("AGENTSET_BASE_URL", AgentsetClientOptions.DefaultBaseAddress),
        };
        Say(fake is null ? $"real service at {options.BaseAddress}" : $"offline fake at {fake.BaseAddress}");
        using var client = new AgentsetClient(options);

        var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest
        {
            Name = "Astro.Triggers.Sdk sample",
            ExternalId = "astro-sample-" + DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Payload = new TextPayload { Text = "Astro.Triggers.Sdk says hello.", FileName = "hello.txt" },
        });
        Say($"created {run.Id} ({run.RawStatus})");

        await run.WaitForCompletionAsync(Wait.Options, new StatusChanges(Say));
        Say($"{run.Id} finished: {run.Status}");

        var pages = 0;
        await foreach (var page in client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 10 }).AsPages())
        {
            Say($"page {++pages}: {page.Items.Count} job(s), first {(page.Items.Count > 0 ? page.Items[0].Id : "-")}, has more: {page.HasMore}");
            if (pages == 3)
            {
                break;
            }
        }
    }
}
