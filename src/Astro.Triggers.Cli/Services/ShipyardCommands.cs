using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Runs;
using Astro.Triggers.Sdk.Shipyard;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>shipyard fleet-runs start|get|list|wait</c>: Shipyard fleet runs, followed through the fleet-runs CSV, as the
/// SDK's <c>ShipyardClient.FleetRuns</c> names them.</summary>
internal static class ShipyardCommands
{
    public static Command Build(CommandFactory factory)
    {
        const string service = ServiceNames.Shipyard;
        // Every Shipyard command takes the fleet the same way: --org/--project/--fleet, each defaulting to its variable
        // (SHIPYARD_ORG_ID/_PROJECT_ID/_FLEET_ID, or the embedded fake's ids with --offline).
        var (org, project, fleet) = FleetOptions();
        var env = new Option<string[]>("--env") { Description = "A vessel environment override, VESSEL:NAME=VALUE (repeatable)" };
        var wait = GlobalOptions.Wait();
        var start = factory.Create("start", "Start a fleet run; with --wait follow it to the end", service, async invocation =>
        {
            var overrides = Overrides(invocation.Get(env));
            var client = Clients.Shipyard(invocation);
            var (o, p, f) = Fleet(invocation, org, project, fleet);
            var run = await client.FleetRuns.StartAsync(o, p, f, overrides, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            var hint = $"astro-triggers shipyard fleet-runs wait {run.Id} --org {run.Ids.OrgId} --project {run.Ids.ProjectId} --fleet {run.Ids.FleetId}";
            return await RunFollower.ReportAsync(invocation, run, invocation.Get(wait), hint, justStarted: true).ConfigureAwait(false);
        }, [org, project, fleet, env, wait, .. GlobalOptions.WaitSettings]);

        var runId = new Argument<string>("run-id") { Description = "The fleet run's id (Fleet Log ID)" };
        var (getOrg, getProject, getFleet) = FleetOptions();
        var get = factory.Create("get", "Show one fleet run (its row of the runs CSV)", service, async invocation =>
        {
            var client = Clients.Shipyard(invocation);
            var (o, p, f) = Fleet(invocation, getOrg, getProject, getFleet);
            var id = invocation.Get(runId)!;
            var record = await client.FleetRuns.GetAsync(o, p, f, id, cancellationToken: invocation.Cancellation).ConfigureAwait(false)
                ?? throw new CliUsageException($"Shipyard lists no run {id} in fleet {f} (yet: a new run can take a moment to appear)");
            Print(invocation, [record], single: true);
            return ExitCodes.Succeeded;
        }, runId, getOrg, getProject, getFleet);

        var (listOrg, listProject, listFleet) = FleetOptions();
        var limit = GlobalOptions.Limit();
        var list = factory.Create("list", "List a fleet's runs", service, async invocation =>
        {
            var client = Clients.Shipyard(invocation);
            var (o, p, f) = Fleet(invocation, listOrg, listProject, listFleet);
            var records = await Listing.TakeAsync(client.FleetRuns.ListAsync(o, p, f, cancellationToken: invocation.Cancellation), invocation.Get(limit), invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, records, single: false);
            return ExitCodes.Succeeded;
        }, listOrg, listProject, listFleet, limit);

        var (waitOrg, waitProject, waitFleet) = FleetOptions();
        var runIds = new Argument<string[]>("run-id") { Description = "The fleet runs' ids", Arity = ArgumentArity.OneOrMore };
        var follow = factory.Create("wait", "Follow fleet runs started earlier until they end (several at once)", service,
            invocation => WaitCommand.FollowAsync(invocation, service, invocation.Get(runIds)!, null, invocation.Get(waitOrg), invocation.Get(waitProject), invocation.Get(waitFleet)),
            [runIds, waitOrg, waitProject, waitFleet, .. GlobalOptions.WaitSettings]);

        var group = CommandFactory.Group(service, "Shipyard fleet runs (SHIPYARD_API_KEY; SHIPYARD_ORG_ID, SHIPYARD_PROJECT_ID, SHIPYARD_FLEET_ID)",
            CommandFactory.Group("fleet-runs", "Start, inspect and follow fleet runs", start, get, list, follow),
            CommandFactory.RenamedGroup("runs",
                factory.Renamed("trigger", start, "shipyard fleet-runs start (the fleet by --org/--project/--fleet)"),
                factory.Renamed("get", get, "shipyard fleet-runs get"),
                factory.Renamed("list", list, "shipyard fleet-runs list"),
                factory.Renamed("wait", follow, "shipyard fleet-runs wait")));
        GlobalOptions.AddToService(group);
        return group;
    }

    public static (Option<string?> Org, Option<string?> Project, Option<string?> Fleet) FleetOptions() => (
        new Option<string?>("--org") { Description = $"The organisation id [default: ${EnvNames.ShipyardOrg}]" },
        new Option<string?>("--project") { Description = $"The project id [default: ${EnvNames.ShipyardProject}]" },
        new Option<string?>("--fleet") { Description = $"The fleet id [default: ${EnvNames.ShipyardFleet}]" });

    public static (string Org, string Project, string Fleet) Fleet(Invocation invocation, Option<string?> org, Option<string?> project, Option<string?> fleet) => (
        invocation.Require(invocation.Get(org), EnvNames.ShipyardOrg, "--org", "the Shipyard organisation id"),
        invocation.Require(invocation.Get(project), EnvNames.ShipyardProject, "--project", "the Shipyard project id"),
        invocation.Require(invocation.Get(fleet), EnvNames.ShipyardFleet, "--fleet", "the Shipyard fleet id"));

    private static List<VesselOverride>? Overrides(string[]? values)
    {
        if (values is not { Length: > 0 })
        {
            return null;
        }

        var byVessel = new Dictionary<string, VesselOverride>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var equals = colon < 0 ? -1 : value.IndexOf('=', colon + 1);
            if (colon <= 0 || equals <= colon + 1)
            {
                throw new CliUsageException($"--env '{value}': expected VESSEL:NAME=VALUE");
            }

            var vessel = value[..colon];
            if (!byVessel.TryGetValue(vessel, out var entry))
            {
                byVessel[vessel] = entry = new VesselOverride { Name = vessel };
            }

            entry.EnvironmentVariableOverrides[value[(colon + 1)..equals]] = value[(equals + 1)..];
        }

        return [.. byVessel.Values];
    }

    private static void Print(Invocation invocation, IReadOnlyList<FleetRunRecord> records, bool single)
    {
        if (invocation.Out.Json)
        {
            var items = records.Select(View).ToArray();
            invocation.Out.Document(single ? Documents.ForItem("Shipyard", items[0]) : Documents.ForList("Shipyard", items));
            return;
        }

        invocation.Out.Table(["id", "status", "columns"], records.Select(r => (IReadOnlyList<string?>)[r.FleetLogId, r.Status, string.Join("; ", r.Columns.Select(c => $"{c.Key}={c.Value}"))]));
    }

    private static JsonObject View(FleetRunRecord record)
    {
        var columns = new JsonObject();
        foreach (var (name, value) in record.Columns)
        {
            columns[name] = value;
        }

        return new JsonObject { ["id"] = record.FleetLogId, ["rawStatus"] = record.Status, ["columns"] = columns };
    }
}
