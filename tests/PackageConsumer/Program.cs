using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Agentset;

// One real call through the packed packages: the Testing package's Agentset fake on loopback, the SDK's client.
await using var fake = AgentsetFake.Start();
using var client = new AgentsetClient(fake.CreateClientOptions());
var job = await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "hello from a package consumer" } });
Console.WriteLine($"created ingest job {job.Id}");
return job.Id.StartsWith("job_", StringComparison.Ordinal) ? 0 : 1;
