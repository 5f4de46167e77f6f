using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>astropod deployments list</c>, <c>astropod sources list</c>, <c>astropod trigger</c>. Astropod has no
/// status endpoint for a triggered ingestion, so there is nothing to wait for (the trigger says so).</summary>
internal static class AstropodCommands
{
    public static Command Build(CommandFactory factory)
    {
        const string service = ServiceNames.Astropod;
        var account = new Option<string?>("--account") { Description = $"The Astropod account [default: ${EnvNames.AstropodAccount}]" };

        var listDeployments = factory.Create("list", "List the account's deployments", service, async invocation =>
        {
            var client = Clients.Astropod(invocation);
            var name = invocation.Require(invocation.Get(account), EnvNames.AstropodAccount, "--account", "the Astropod account");
            var deployments = await Listing.TakeAsync(client.Deployments.ListAsync(name, cancellationToken: invocation.Cancellation), int.MaxValue, invocation.Cancellation).ConfigureAwait(false);
            if (invocation.Out.Json)
            {
                invocation.Out.Document(new JsonObject
                {
                    ["service"] = "Astropod",
                    ["items"] = new JsonArray([.. deployments.Select(d => (JsonNode)new JsonObject { ["id"] = d.Id, ["name"] = d.Name, ["namespace"] = d.Namespace, ["status"] = d.Status })]),
                });
            }
            else
            {
                invocation.Out.Table(["id", "name", "namespace", "status"], deployments.Select(d => (IReadOnlyList<string?>)[d.Id, d.DisplayName ?? d.Name, d.Namespace, d.Status]));
            }

            return ExitCodes.Succeeded;
        }, account);

        var deployment = new Argument<string>("deployment") { Description = "The deployment id" };
        var listSources = factory.Create("list", "List a deployment's ingestion sources (manual ones can be triggered)", service, async invocation =>
        {
            var client = Clients.Astropod(invocation);
            var sources = await Listing.TakeAsync(client.Deployments.ListIngestionSourcesAsync(invocation.Get(deployment)!, cancellationToken: invocation.Cancellation), int.MaxValue, invocation.Cancellation).ConfigureAwait(false);
            if (invocation.Out.Json)
            {
                invocation.Out.Document(new JsonObject
                {
                    ["service"] = "Astropod",
                    ["items"] = new JsonArray([.. sources.Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["component"] = s.Component, ["workload"] = s.WorkloadName, ["schedule"] = s.Schedule, ["manual"] = s.Schedule is null })]),
                });
            }
            else
            {
                invocation.Out.Table(["name", "component", "schedule"], sources.Select(s => (IReadOnlyList<string?>)[s.Name, s.Component, s.Schedule ?? "manual"]));
            }

            return ExitCodes.Succeeded;
        }, deployment);

        var ns = new Argument<string>("namespace") { Description = "The deployment's namespace (first path segment of the trigger)" };
        var ingestion = new Argument<string>("ingestion") { Description = "The ingestion source's name" };
        var trigger = factory.Create("trigger", "Trigger a manual ingestion (Astropod has no run status to wait for)", service, async invocation =>
        {
            var client = Clients.Astropod(invocation);
            var name = invocation.Require(invocation.Get(account), EnvNames.AstropodAccount, "--account", "the Astropod account");
            var started = await client.Ingestions.StartAsync(invocation.Get(ns)!, invocation.Get(ingestion)!, name, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            invocation.Out.Line($"triggered: {started} (Astropod reports no run status: nothing to wait for)");
            if (invocation.Out.Json)
            {
                invocation.Out.Document(new JsonObject
                {
                    ["service"] = "Astropod",
                    ["id"] = started.JobName,
                    ["ingestion"] = started.Ingestion,
                    ["namespace"] = started.Namespace,
                    ["rawStatus"] = started.Status,
                    ["status"] = "started",
                    ["hasStatusSource"] = false,
                    ["exitCode"] = ExitCodes.Succeeded,
                });
            }

            return ExitCodes.Succeeded;
        }, ns, ingestion, account);

        return CommandFactory.Group(service, "Astropod manual ingestions (ASTROPOD_TOKEN, ASTROPOD_ACCOUNT)",
            CommandFactory.Group("deployments", "The account's deployments", listDeployments),
            CommandFactory.Group("sources", "A deployment's ingestion sources", listSources),
            trigger);
    }
}
