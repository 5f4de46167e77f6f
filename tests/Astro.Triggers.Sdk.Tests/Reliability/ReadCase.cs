using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Mixpeek;
using Astro.Triggers.Sdk.Tests.TrueFoundry;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>A safe read of each service (get or list) with its success answer and a one-line summary of what the
/// client returned, so the same case can be run against any fault and its result compared.</summary>
public sealed record ReadCase(string Name, string ContentType, string SuccessBody, Func<Func<ServiceClientOptions, ServiceClientOptions>, Task<string>> Call)
{
    public static readonly IReadOnlyDictionary<string, ReadCase> All = new[]
    {
        new ReadCase("Agentset get", "application/json", AgentsetJson.Single("job_1", "PROCESSING"), async configure =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)configure(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            var job = await client.IngestJobs.GetAsync("job_1");
            return $"{job.Id} {job.Status}";
        }),
        new ReadCase("Agentset list", "application/json", AgentsetJson.Page(string.Empty, false, "job_1", "job_2"), async configure =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)configure(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            var ids = new List<string>();
            await foreach (var job in client.IngestJobs.ListAsync())
            {
                ids.Add(job.Id);
            }

            return string.Join(",", ids);
        }),
        new ReadCase("TrueFoundry get", "application/json", TrueFoundryJson.Envelope("run-1", "RUNNING"), async configure =>
        {
            using var client = new TrueFoundryClient((TrueFoundryClientOptions)configure(new TrueFoundryClientOptions()));
            var run = await client.JobRuns.GetAsync("app-1", "run-1");
            return $"{run.Name} {run.Status}";
        }),
        new ReadCase("Mixpeek get", "application/json", MixpeekJson.Trigger(), async configure =>
        {
            using var client = new MixpeekClient((MixpeekClientOptions)configure(new MixpeekClientOptions { Namespace = "ns_1" }));
            var trigger = await client.Triggers.GetAsync("trg_1");
            return $"{trigger.TriggerId} {trigger.Status}";
        }),
        new ReadCase("Shipyard runs", "text/csv", "Fleet Name,Fleet Log ID,Status\r\nNightly,fr-1,Running\r\n", async configure =>
        {
            using var client = new ShipyardClient((ShipyardClientOptions)configure(new ShipyardClientOptions()));
            var runs = await client.FleetRuns.ListAsync("o", "p", "f").ToListAsync();
            return string.Join(",", runs.Select(r => $"{r.FleetLogId} {r.Status}"));
        }),
        new ReadCase("Astropod deployments", "application/json", """{"deployments":[{"id":"dep_1","name":"docs-agent","namespace":"team-docs"}]}""", async configure =>
        {
            using var client = new AstropodClient((AstropodClientOptions)configure(new AstropodClientOptions()));
            var deployments = await client.Deployments.ListAsync("acme").ToListAsync();
            return string.Join(",", deployments.Select(d => d.Id));
        }),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => new(All.Keys);

    public override string ToString() => Name;
}
