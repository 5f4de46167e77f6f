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
/// public client and answering with the scenario's value fields. No logic of the behaviour under test lives here.
/// <c>wait</c> is the scenario's wait step (README, "Scenarios"): a <c>.start</c> operation given one waits for the
/// run's end and answers its common status too.</summary>
internal static partial class ScenarioAdapters
{
    public delegate Task<JsonObject> Operation(JsonObject arguments, JsonObject client, Uri baseAddress, JsonObject? wait);

    public static readonly IReadOnlyDictionary<string, Operation> Operations = WithGroups(new Dictionary<string, Operation>(StringComparer.Ordinal)
    {
        ["agentset.ingestJobs.get"] = async (a, c, b, _) =>
        {
            using var client = Agentset(c, b);
            var job = await client.IngestJobs.GetAsync(Text(a, "jobId"), AgentsetCall(a));
            return new JsonObject { ["id"] = job.Id };
        },
        ["agentset.ingestJobs.create"] = async (a, c, b, _) =>
        {
            using var client = Agentset(c, b);
            var job = await client.IngestJobs.CreateAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = Text(a["payload"]!.AsObject(), "text") } }, AgentsetCall(a));
            return new JsonObject { ["id"] = job.Id };
        },
        ["agentset.ingestJobs.start"] = async (a, c, b, w) =>
        {
            using var client = Agentset(c, b);
            var run = await client.IngestJobs.StartAsync(new CreateIngestJobRequest { Payload = new TextPayload { Text = Text(a["payload"]!.AsObject(), "text") } }, AgentsetCall(a));
            return await Waited(run, run.Id, w);
        },
        ["agentset.ingestJobs.list"] = async (a, c, b, _) =>
        {
            using var client = Agentset(c, b);
            var ids = new JsonArray();
            await foreach (var job in client.IngestJobs.ListAsync(new IngestJobListOptions { PageSize = (int?)a["pageSize"] }, AgentsetCall(a)))
            {
                ids.Add(job.Id);
            }

            return new JsonObject { ["ids"] = ids };
        },
        ["agentset.ingestJobs.delete"] = async (a, c, b, _) =>
        {
            using var client = Agentset(c, b);
            var job = await client.IngestJobs.DeleteAsync(Text(a, "jobId"), AgentsetCall(a));
            return new JsonObject { ["id"] = job?.Id };
        },
        ["agentset.ingestJobs.reIngest"] = async (a, c, b, _) =>
        {
            using var client = Agentset(c, b);
            return new JsonObject { ["id"] = await client.IngestJobs.ReIngestAsync(Text(a, "jobId"), AgentsetCall(a)) };
        },
        ["truefoundry.jobRuns.start"] = async (a, c, b, w) =>
        {
            using var client = new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b));
            var run = await client.JobRuns.StartAsync(new TriggerJobRequest { ApplicationId = Text(a, "applicationId") });
            return await Waited(run, run.Id, w);
        },
        ["truefoundry.jobRuns.get"] = async (a, c, b, _) =>
        {
            using var client = new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b));
            var run = await client.JobRuns.GetAsync(Text(a, "applicationId"), Text(a, "jobRunName"));
            return new JsonObject { ["name"] = run.Name };
        },
        ["truefoundry.jobRuns.list"] = async (a, c, b, _) =>
        {
            using var client = new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b));
            var ids = new JsonArray();
            await foreach (var run in client.JobRuns.ListAsync(Text(a, "applicationId"), new JobRunListOptions { PageSize = (int?)a["pageSize"] }))
            {
                ids.Add(run.Name);
            }

            return new JsonObject { ["ids"] = ids };
        },
        ["truefoundry.jobRuns.cancel"] = async (a, c, b, _) =>
        {
            using var client = new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b));
            var termination = await client.JobRuns.CancelAsync(Text(a, "deploymentId"), Text(a, "jobRunName"));
            return new JsonObject { ["message"] = termination.Message };
        },
        ["truefoundry.jobRuns.delete"] = async (a, c, b, _) =>
        {
            using var client = new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b));
            await client.JobRuns.DeleteAsync(Text(a, "applicationId"), Text(a, "jobRunName"));
            return new JsonObject { ["done"] = true };
        },
        ["astropod.ingestions.start"] = async (a, c, b, _) =>
        {
            using var client = new AstropodClient(Apply(new AstropodClientOptions(), c, b));
            var started = await client.Ingestions.StartAsync(Text(a, "deploymentNamespace"), Text(a, "ingestion"), Text(a, "account"));
            return new JsonObject { ["jobName"] = started.JobName, ["namespace"] = started.Namespace, ["ingestion"] = started.Ingestion };
        },
        ["astropod.deployments.list"] = async (a, c, b, _) =>
        {
            using var client = new AstropodClient(Apply(new AstropodClientOptions(), c, b));
            var ids = new JsonArray();
            await foreach (var deployment in client.Deployments.ListAsync(Text(a, "account")))
            {
                ids.Add(deployment.Id);
            }

            return new JsonObject { ["ids"] = ids };
        },
        ["astropod.deployments.get"] = async (a, c, b, _) =>
        {
            using var client = new AstropodClient(Apply(new AstropodClientOptions(), c, b));
            var deployment = await client.Deployments.GetAsync(Text(a, "deploymentId"));
            return new JsonObject { ["id"] = deployment.Id };
        },
        ["astropod.deployments.listIngestionSources"] = async (a, c, b, _) =>
        {
            using var client = new AstropodClient(Apply(new AstropodClientOptions(), c, b));
            var names = new JsonArray();
            await foreach (var source in client.Deployments.ListIngestionSourcesAsync(Text(a, "deploymentId")))
            {
                names.Add(source.Name);
            }

            return new JsonObject { ["names"] = names };
        },
        ["shipyard.fleetRuns.start"] = async (a, c, b, w) =>
        {
            using var client = new ShipyardClient(Apply(new ShipyardClientOptions(), c, b));
            var run = await client.FleetRuns.StartAsync(Text(a, "orgId"), Text(a, "projectId"), Text(a, "fleetId"));
            return await Waited(run, run.Id, w);
        },
        ["shipyard.fleetRuns.list"] = async (a, c, b, _) =>
        {
            using var client = new ShipyardClient(Apply(new ShipyardClientOptions(), c, b));
            var ids = new JsonArray();
            var statuses = new JsonArray();
            await foreach (var record in client.FleetRuns.ListAsync(Text(a, "orgId"), Text(a, "projectId"), Text(a, "fleetId")))
            {
                ids.Add(record.FleetLogId);
                statuses.Add(record.Status);
            }

            return new JsonObject { ["ids"] = ids, ["statuses"] = statuses };
        },
        ["shipyard.fleetRuns.get"] = async (a, c, b, _) =>
        {
            using var client = new ShipyardClient(Apply(new ShipyardClientOptions(), c, b));
            var record = await client.FleetRuns.GetAsync(Text(a, "orgId"), Text(a, "projectId"), Text(a, "fleetId"), Text(a, "fleetRunId"));
            return new JsonObject { ["id"] = record?.FleetLogId, ["status"] = record?.Status };
        },
        ["mixpeek.executions.start"] = async (a, c, b, w) =>
        {
            using var client = Mixpeek(c, b);
            var run = await client.Executions.StartAsync(Text(a, "triggerId"));
            return await Waited(run, run.Id, w);
        },
        ["mixpeek.executions.get"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            var task = await client.Executions.GetAsync(Text(a, "taskId"));
            return new JsonObject { ["id"] = task.TaskId };
        },
        ["mixpeek.executions.cancel"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            await client.Executions.CancelAsync(Text(a, "taskId"));
            return new JsonObject { ["done"] = true };
        },
        ["mixpeek.executions.list"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            var ids = new JsonArray();
            await foreach (var execution in client.Executions.ListAsync(Text(a, "triggerId"), new TriggerHistoryOptions { PageSize = (int?)a["pageSize"] }))
            {
                ids.Add(execution.TaskId);
            }

            return new JsonObject { ["ids"] = ids };
        },
        ["mixpeek.triggers.create"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            var trigger = await client.Triggers.CreateAsync(new CreateTriggerRequest(
                new ClusterAction(Text(a, "clusterId")), new CronSchedule(Text(a, "cronExpression"), (string?)a["timeZone"] ?? "UTC")));
            return new JsonObject { ["id"] = trigger.TriggerId };
        },
        ["mixpeek.triggers.list"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            var ids = new JsonArray();
            await foreach (var trigger in client.Triggers.ListAsync(new TriggerListOptions { PageSize = (int?)a["pageSize"] }))
            {
                ids.Add(trigger.TriggerId);
            }

            return new JsonObject { ["ids"] = ids };
        },
        ["mixpeek.triggers.get"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            return new JsonObject { ["id"] = (await client.Triggers.GetAsync(Text(a, "triggerId"))).TriggerId };
        },
        ["mixpeek.triggers.update"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            var trigger = await client.Triggers.UpdateAsync(Text(a, "triggerId"), new UpdateTriggerRequest { Description = Text(a, "description") });
            return new JsonObject { ["id"] = trigger.TriggerId };
        },
        ["mixpeek.triggers.pause"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            return new JsonObject { ["id"] = (await client.Triggers.PauseAsync(Text(a, "triggerId"))).TriggerId };
        },
        ["mixpeek.triggers.resume"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            return new JsonObject { ["id"] = (await client.Triggers.ResumeAsync(Text(a, "triggerId"))).TriggerId };
        },
        ["mixpeek.triggers.delete"] = async (a, c, b, _) =>
        {
            using var client = Mixpeek(c, b);
            await client.Triggers.DeleteAsync(Text(a, "triggerId"));
            return new JsonObject { ["done"] = true };
        },
    });

    private static AgentsetClient Agentset(JsonObject c, Uri b) => new(Apply(new AgentsetClientOptions { NamespaceId = (string?)c["namespaceId"] }, c, b));

    private static MixpeekClient Mixpeek(JsonObject c, Uri b) => new(Apply(new MixpeekClientOptions { Namespace = (string?)c["namespace"] }, c, b));

    /// <summary>Agentset's per-call options: <c>tenantId</c> (sent as <c>x-tenant-id</c>).</summary>
    private static AgentsetRequestOptions? AgentsetCall(JsonObject a) =>
        a["tenantId"] is { } tenant ? new AgentsetRequestOptions { TenantId = (string?)tenant } : null;

    /// <summary>The run's id, and after the scenario's wait step (<c>pollIntervalMs</c>, <c>timeoutMs</c>) its final common status.</summary>
    private static async Task<JsonObject> Waited(TriggeredRun run, string id, JsonObject? wait)
    {
        if (wait is null)
        {
            return new JsonObject { ["id"] = id };
        }

        var done = await run.WaitForCompletionAsync(new RunWaitOptions
        {
            PollInterval = TimeSpan.FromMilliseconds((int?)wait["pollIntervalMs"] ?? 5),
            Timeout = TimeSpan.FromMilliseconds((int?)wait["timeoutMs"] ?? 10_000),
        });
        return new JsonObject { ["id"] = id, ["status"] = done.Status.ToString().ToLowerInvariant() };
    }

    private static string Text(JsonObject arguments, string name) => (string?)arguments[name] ?? throw new InvalidOperationException($"argument {name} is missing");

    /// <summary>The scenario's client options (README, "Scenarios": apiKey, tokens, maxAttempts, baseDelayMs, maxDelayMs,
    /// useJitter, attemptTimeoutMs, timeoutMs, maxResponseBytes).</summary>
    private static T Apply<T>(T options, JsonObject c, Uri baseAddress)
        where T : ServiceClientOptions
    {
        options.BaseAddress = baseAddress;
        options.ApiKey = (string?)c["apiKey"];
        if (c["tokens"] is JsonArray tokens)
        {
            // The tokens in order: the current one before each request, the next one on a forced refresh (after a 401).
            var list = tokens.Select(t => (string)t!).ToList();
            var index = 0;
            options.TokenProvider = (forceRefresh, _) =>
            {
                if (forceRefresh)
                {
                    index = Math.Min(Interlocked.Increment(ref index), list.Count - 1);
                }

                return new ValueTask<string>(list[Volatile.Read(ref index)]);
            };
        }

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
