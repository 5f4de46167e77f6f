using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Runs;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>astropod deployments list</c>, <c>astropod ingestions list|start</c>, as the SDK's
/// <c>AstropodClient.Deployments</c> and <c>.Ingestions</c> name them. Astropod has no status endpoint for a started
/// ingestion, so there is nothing to wait for (start says so).</summary>
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
                invocation.Out.Document(Documents.ForList("Astropod", deployments.Select(d => new JsonObject { ["id"] = d.Id, ["name"] = d.Name, ["namespace"] = d.Namespace, ["rawStatus"] = d.Status })));
            }
            else
            {
                invocation.Out.Table(["id", "name", "namespace", "status"], deployments.Select(d => (IReadOnlyList<string?>)[d.Id, d.DisplayName ?? d.Name, d.Namespace, d.Status]));
            }

            return ExitCodes.Succeeded;
        }, account);

        var deployment = new Option<string?>("--deployment-id") { Description = $"The deployment whose ingestion sources to list [default: ${EnvNames.AstropodDeployment}]" };
        var listSources = factory.Create("list", "List a deployment's ingestion sources (manual ones can be started)", service, async invocation =>
        {
            var client = Clients.Astropod(invocation);
            var id = invocation.Require(invocation.Get(deployment), EnvNames.AstropodDeployment, "--deployment-id", "the Astropod deployment id");
            var sources = await Listing.TakeAsync(client.Deployments.ListIngestionSourcesAsync(id, cancellationToken: invocation.Cancellation), int.MaxValue, invocation.Cancellation).ConfigureAwait(false);
            if (invocation.Out.Json)
            {
                invocation.Out.Document(Documents.ForList("Astropod", sources.Select(s => new JsonObject { ["name"] = s.Name, ["component"] = s.Component, ["workload"] = s.WorkloadName, ["schedule"] = s.Schedule, ["manual"] = s.Schedule is null })));
            }
            else
            {
                invocation.Out.Table(["name", "component", "schedule"], sources.Select(s => (IReadOnlyList<string?>)[s.Name, s.Component, s.Schedule ?? "manual"]));
            }

            return ExitCodes.Succeeded;
        }, deployment);

        var ns = new Argument<string>("namespace") { Description = "The deployment's namespace (first path segment of the trigger)" };
        var ingestion = new Argument<string>("ingestion") { Description = "The ingestion source's name" };
        var start = factory.Create("start", "Start a manual ingestion (Astropod has no run status to wait for)", service, async invocation =>
        {
            var client = Clients.Astropod(invocation);
            var name = invocation.Require(invocation.Get(account), EnvNames.AstropodAccount, "--account", "the Astropod account");
            var started = await client.Ingestions.StartAsync(invocation.Get(ns)!, invocation.Get(ingestion)!, name, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            invocation.Out.Line($"started: {started} (Astropod reports no run status: nothing to wait for)");
            if (invocation.Out.Json)
            {
                // A run document like every other start's, whose status is unknown for good: Astropod has no status source.
                var document = Documents.Envelope(Documents.Run, "Astropod", ExitCodes.Succeeded);
                Documents.Merge(document, new JsonObject
                {
                    ["id"] = started.JobName,
                    ["status"] = "unknown",
                    ["rawStatus"] = started.Status,
                    ["serviceError"] = null,
                    ["outcome"] = "started",
                    ["message"] = "Astropod reports no run status: nothing to wait for",
                    ["hasStatusSource"] = false,
                    ["createdAt"] = null,
                    ["finishedAt"] = null,
                    ["observedAt"] = RunDocument.Time(DateTimeOffset.UtcNow),
                    ["waitStartedAt"] = null,
                    ["ingestion"] = started.Ingestion,
                    ["namespace"] = started.Namespace,
                });
                invocation.Out.Document(document);
            }

            return ExitCodes.Succeeded;
        }, ns, ingestion, account);

        var group = CommandFactory.Group(service, "Astropod manual ingestions (ASTROPOD_TOKEN, ASTROPOD_ACCOUNT)",
            CommandFactory.Group("deployments", "The account's deployments", listDeployments),
            CommandFactory.Group("ingestions", "A deployment's ingestion sources, and starting one", listSources, start),
            CommandFactory.RenamedGroup("sources", factory.Renamed("list", listSources, "astropod ingestions list --deployment-id <id>")),
            factory.Renamed("trigger", start, "astropod ingestions start"));
        GlobalOptions.AddToService(group);
        return group;
    }
}
