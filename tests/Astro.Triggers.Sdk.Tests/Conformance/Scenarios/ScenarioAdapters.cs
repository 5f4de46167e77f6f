using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Astropod;
using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Retry;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Conformance.Scenarios;

/// <summary>The C# side of a scenario's <c>operation</c>: one entry per language-neutral operation name, calling the
/// public client and answering with the scenario's value fields. No logic of the behaviour under test lives here.</summary>
internal static class ScenarioAdapters
{
    public delegate Task<JsonObject> Operation(JsonObject arguments, JsonObject client, Uri baseAddress);

    public static readonly IReadOnlyDictionary<string, Operation> Operations = new Dictionary<string, Operation>(StringComparer.Ordinal)
    {
        ["agentset.ingestJobs.get"] = async (a, c, b) =>
        {
            using var client = Agentset(c, b);
            var job = await client.IngestJobs.GetAsync(Text(a, "jobId"));
            return new JsonObject { ["id"] = job.Id };
        },
        ["agentset.ingestJobs.create"] = async (a, c, b) =>
        {
            using var client = Agentset(c, b);
            var job = await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = Text(a["payload"]!.AsObject(), "text") } });
            return new JsonObject { ["id"] = job.Id };
        },
        ["agentset.ingestJobs.list"] = async (a, c, b) =>
        {
            using var client = Agentset(c, b);
            var ids = new JsonArray();
            await foreach (var job in client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = (int?)a["pageSize"] }))
            {
                ids.Add(job.Id);
            }

            return new JsonObject { ["ids"] = ids };
        },
        ["truefoundry.jobRuns.start"] = async (a, c, b) =>
        {
            using var client = new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b));
            var run = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = Text(a, "applicationId") });
            return new JsonObject { ["id"] = run.Id };
        },
        ["truefoundry.jobRuns.get"] = async (a, c, b) =>
        {
            using var client = new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b));
            var run = await client.JobRuns.GetAsync(Text(a, "applicationId"), Text(a, "jobRunName"));
            return new JsonObject { ["name"] = run.Name };
        },
        ["truefoundry.jobRuns.list"] = async (a, c, b) =>
        {
            using var client = new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b));
            var ids = new JsonArray();
            await foreach (var run in client.JobRuns.ListAsync(Text(a, "applicationId"), new JobRunListOptions { PageSize = (int?)a["pageSize"] }))
            {
                ids.Add(run.Name);
            }

            return new JsonObject { ["ids"] = ids };
        },
        ["astropod.ingestions.start"] = async (a, c, b) =>
        {
            using var client = new AstropodClient(Apply(new AstropodClientOptions(), c, b));
            var started = await client.Ingestions.StartAsync(Text(a, "deploymentNamespace"), Text(a, "ingestion"), Text(a, "account"));
            return new JsonObject { ["jobName"] = started.JobName, ["namespace"] = started.Namespace, ["ingestion"] = started.Ingestion };
        },
        ["shipyard.fleetRuns.start"] = async (a, c, b) =>
        {
            using var client = new ShipyardClient(Apply(new ShipyardClientOptions(), c, b));
            var run = await client.FleetRuns.StartAsync(Text(a, "orgId"), Text(a, "projectId"), Text(a, "fleetId"));
            return new JsonObject { ["id"] = run.Id };
        },
        ["mixpeek.executions.start"] = async (a, c, b) =>
        {
            using var client = new MixpeekClient(Apply(new MixpeekClientOptions { Namespace = (string?)c["namespace"] }, c, b));
            var run = await client.Executions.StartAsync(Text(a, "triggerId"));
            return new JsonObject { ["id"] = run.Id };
        },
    };

    private static AgentsetClient Agentset(JsonObject c, Uri b) => new(Apply(new AgentsetClientOptions { NamespaceId = (string?)c["namespaceId"] }, c, b));

    private static string Text(JsonObject arguments, string name) => (string?)arguments[name] ?? throw new InvalidOperationException($"argument {name} is missing");

    /// <summary>The scenario's client options (README, "Scenarios": apiKey, maxAttempts, baseDelayMs, maxDelayMs,
    /// useJitter, attemptTimeoutMs, timeoutMs, maxResponseBytes).</summary>
    private static T Apply<T>(T options, JsonObject c, Uri baseAddress)
        where T : ServiceClientOptions
    {
        options.BaseAddress = baseAddress;
        options.ApiKey = (string?)c["apiKey"];
        var retry = new RetryOptions();
        if (c["maxAttempts"] is { } attempts)
        {
            retry.MaxAttempts = (int)attempts;
        }

        if (c["baseDelayMs"] is { } baseDelay)
        {
            retry.BaseDelay = TimeSpan.FromMilliseconds((int)baseDelay);
        }

        if (c["maxDelayMs"] is { } maxDelay)
        {
            retry.MaxDelay = TimeSpan.FromMilliseconds((int)maxDelay);
        }

        if (c["useJitter"] is { } jitter)
        {
            retry.UseJitter = (bool)jitter;
        }

        if (c["attemptTimeoutMs"] is { } attemptTimeout)
        {
            retry.AttemptTimeout = TimeSpan.FromMilliseconds((int)attemptTimeout);
        }

        options.Retry = retry;
        if (c["timeoutMs"] is { } timeout)
        {
            options.Timeout = TimeSpan.FromMilliseconds((int)timeout);
        }

        if (c["maxResponseBytes"] is { } max)
        {
            options.MaxResponseBytes = (long)max;
        }

        return options;
    }
}
