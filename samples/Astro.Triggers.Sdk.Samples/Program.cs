using System.Diagnostics;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Core.Errors;
using Astro.Triggers.Sdk.Samples;

// Runs against an embedded fake by default. To use the real service:
//   AGENTSET_API_KEY=... AGENTSET_NAMESPACE_ID=ns_... [AGENTSET_BASE_URL=https://api.agentset.ai] dotnet run ...
var clock = Stopwatch.StartNew();
void Step(string text) => Console.WriteLine($"[{clock.Elapsed.TotalMilliseconds,7:0} ms] {text}");

var apiKey = Environment.GetEnvironmentVariable("AGENTSET_API_KEY");
using var stub = apiKey is null ? AgentsetStub.Start() : null;
var options = new AgentsetClientOptions
{
    ApiKey = apiKey ?? "sample-key",
    NamespaceId = Environment.GetEnvironmentVariable("AGENTSET_NAMESPACE_ID") ?? "ns_demo",
    BaseAddress = stub is not null ? new Uri(stub.Url!) : new Uri(Environment.GetEnvironmentVariable("AGENTSET_BASE_URL") ?? "https://api.agentset.ai"),
};
Step(stub is not null ? $"Agentset: embedded fake at {stub.Url}" : $"Agentset: {options.BaseAddress}");

using var client = new AgentsetClient(options);
try
{
    var job = await client.IngestJobs.CreateAsync(new CreateIngestJobRequest
    {
        Name = "sample",
        Payload = new TextPayload { Text = "Astro.Triggers.Sdk says hello." },
    });
    Step($"created {job.Id} ({job.Status})");

    job = await client.IngestJobs.GetAsync(job.Id);
    Step($"fetched {job.Id}: {job.Status}");

    var pages = 0;
    await foreach (var page in client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = 2 }).AsPages())
    {
        pages++;
        Step($"page {pages}: {string.Join(", ", page.Items.Select(j => $"{j.Id} {j.Status}"))}; has more: {page.HasMore}");
    }

    Step("done");
    return 0;
}
catch (ServiceRequestException ex)
{
    Step($"the service refused: {ex.Message}");
    return 1;
}
