using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.Tests.Agentset;
using Astro.Triggers.Sdk.Tests.Mixpeek;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>The side-effecting call of each service (trigger/create) and its success answer, for the fault matrix.</summary>
public sealed record ServiceCase(string Name, int SuccessStatus, string SuccessBody, Func<Func<ServiceClientOptions, ServiceClientOptions>, Task> Call)
{
    public static readonly IReadOnlyDictionary<string, ServiceCase> All = new[]
    {
        new ServiceCase("Agentset", 201, AgentsetJson.Single("job_1"), async configure =>
        {
            using var client = new AgentsetClient((AgentsetClientOptions)configure(new AgentsetClientOptions { NamespaceId = "ns_1" }));
            await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = "x" } });
        }),
        new ServiceCase("Astropod", 200, """{"status":"triggered","job_name":"j","namespace":"team-docs"}""", async configure =>
        {
            using var client = new AstropodClient((AstropodClientOptions)configure(new AstropodClientOptions()));
            await client.Ingestions.StartAsync("team-docs", "docs_sync", "acme");
        }),
        new ServiceCase("TrueFoundry", 200, """{"message":"ok","jobRunName":"run-1","data":{"name":"run-1","status":"CREATED"}}""", async configure =>
        {
            using var client = new TrueFoundryClient((TrueFoundryClientOptions)configure(new TrueFoundryClientOptions()));
            await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = "app-1" });
        }),
        new ServiceCase("Shipyard", 201, """{"request":{"id":"r1"},"data":{"fleet_id":"f","project_id":"p","org_id":"o","fleet_run_id":"fr-1"}}""", async configure =>
        {
            using var client = new ShipyardClient((ShipyardClientOptions)configure(new ShipyardClientOptions()));
            await client.FleetRuns.StartAsync("o", "p", "f");
        }),
        new ServiceCase("Mixpeek", 201, MixpeekJson.Trigger(), async configure =>
        {
            using var client = new MixpeekClient((MixpeekClientOptions)configure(new MixpeekClientOptions { Namespace = "ns_1" }));
            await client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("c"), new CronSchedule("0 2 * * *")));
        }),
    }.ToDictionary(c => c.Name);

    public override string ToString() => Name;
}
