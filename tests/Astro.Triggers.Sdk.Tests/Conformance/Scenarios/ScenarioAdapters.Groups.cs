using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Conformance.Scenarios;

// The run-group operations (scenarios/group-waits.json): `<service>.runGroup.waitForAll {tokens, pollIntervalMs, timeoutMs}` and
// `<service>.runGroup.cancelAll {tokens}`: the runs are resumed from their tokens by the service's client and followed
// by one RunGroup; the answer is what the group reports, no logic of it here.
internal static partial class ScenarioAdapters
{
    private static Dictionary<string, Operation> WithGroups(Dictionary<string, Operation> operations)
    {
        Add("agentset", (c, b) => Agentset(c, b), (client, token) => ((AgentsetClient)client).ResumeRun(token));
        Add("truefoundry", (c, b) => new TrueFoundryClient(Apply(new TrueFoundryClientOptions(), c, b)), (client, token) => ((TrueFoundryClient)client).ResumeRun(token));
        Add("shipyard", (c, b) => new ShipyardClient(Apply(new ShipyardClientOptions(), c, b)), (client, token) => ((ShipyardClient)client).ResumeRun(token));
        Add("mixpeek", (c, b) => Mixpeek(c, b), (client, token) => ((MixpeekClient)client).ResumeRun(token));
        return operations;

        void Add(string service, Func<JsonObject, Uri, IDisposable> create, Func<IDisposable, string, TriggeredRun> resume)
        {
            operations[$"{service}.runGroup.waitForAll"] = async (a, c, b, _) =>
            {
                using var client = create(c, b);
                var group = Group(a, client, resume, (int?)a["pollIntervalMs"] ?? 5);
                var ended = new JsonArray();
                var statuses = new JsonArray();
                await foreach (var result in group.WhenEachAsync())
                {
                    ended.Add(result.Run.Id);
                    statuses.Add(result.Status.ToString().ToLowerInvariant());
                }

                var progress = group.Progress;
                return new JsonObject
                {
                    ["ended"] = ended,
                    ["statuses"] = statuses,
                    ["statusReads"] = progress.StatusReads,
                    ["progress"] = new JsonObject
                    {
                        ["succeeded"] = progress.Succeeded,
                        ["failed"] = progress.Failed,
                        ["cancelled"] = progress.Cancelled,
                        ["abandoned"] = progress.Abandoned,
                        ["pending"] = progress.Pending,
                    },
                };
            };
            operations[$"{service}.runGroup.cancelAll"] = async (a, c, b, _) =>
            {
                using var client = create(c, b);
                return new JsonObject { ["asked"] = await Group(a, client, resume, 5).CancelAllAsync() };
            };
        }
    }

    private static RunGroup<TriggeredRun> Group(JsonObject a, IDisposable client, Func<IDisposable, string, TriggeredRun> resume, int pollIntervalMs) =>
        new(
            a["tokens"]!.AsArray().Select(t => resume(client, (string)t!)),
            new RunWaitOptions { PollInterval = TimeSpan.FromMilliseconds(pollIntervalMs), Timeout = TimeSpan.FromMilliseconds((int?)a["timeoutMs"] ?? 10_000) });
}
