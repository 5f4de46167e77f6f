using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.ColdStart;

Probe.Start();
using var client = new AgentsetClient(new AgentsetClientOptions
{
    ApiKey = "sk_bench_0123456789",
    NamespaceId = Probe.Namespace,
    BaseAddress = Probe.BaseAddress,
    Transport = new CannedHandler(),
});
Probe.Mark("client built");
var job = await client.IngestJobs.GetAsync(Probe.JobId);
Probe.Answered(job.Status.ToString());
