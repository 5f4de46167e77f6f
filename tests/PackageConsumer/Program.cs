using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Redis;
using Astro.Triggers.Sdk.Testing.Agentset;

// One real call through the packed packages: the Testing package's Agentset fake on loopback, the SDK's client.
await using var fake = AgentsetFake.Start();
using var client = new AgentsetClient(fake.CreateClientOptions());
var job = await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "hello from a package consumer" } });
Console.WriteLine($"created ingest job {job.Id}");

// The Redis package as README shows it without DI, pointed at a port nothing listens on: the call must still be served
// (the client paces with its in-process budget), which is the package's promise when Redis is away.
using var budget = new RedisRateLimitBudgetProvider("127.0.0.1:1");
using var paced = new AgentsetClient(fake.CreateClientOptions().UseRedisRateLimitBudget(budget));
var second = await paced.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "paced through Redis, or not" } });
Console.WriteLine($"with Redis unreachable: created ingest job {second.Id}");
return job.Id.StartsWith("job_", StringComparison.Ordinal) && second.Id.StartsWith("job_", StringComparison.Ordinal) ? 0 : 1;
