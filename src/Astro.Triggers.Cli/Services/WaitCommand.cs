using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Runs;
using Astro.Triggers.Sdk;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>wait &lt;service&gt; &lt;run-id…&gt;</c>: follows runs started in an earlier CI step, rehydrated by id
/// through the clients' <c>Track</c> methods, like Jenkins' <c>build -s</c> or trigger.dev's <c>--wait</c>.</summary>
internal static class WaitCommand
{
    public static Command Build(CommandFactory factory)
    {
        var service = new Argument<string>("service") { Description = "agentset, truefoundry, shipyard or mixpeek" };
        service.AcceptOnlyFromAmong(ServiceNames.Agentset, ServiceNames.TrueFoundry, ServiceNames.Shipyard, ServiceNames.Mixpeek, ServiceNames.Astropod);
        var ids = new Argument<string[]>("run-id") { Description = "The runs' ids (Agentset job id, TrueFoundry run name, Shipyard fleet run id, Mixpeek task id)", Arity = ArgumentArity.OneOrMore };
        var application = TrueFoundryCommands.ApplicationId();
        var (org, project, fleet) = ShipyardCommands.FleetOptions();
        return factory.Create("wait", "Follow runs started earlier until they end (exit 0 all succeeded, 1 one failed, 3 timed out)", "service",
            invocation =>
            {
                invocation.Service = invocation.Get(service)!;
                return FollowAsync(invocation, invocation.Service, invocation.Get(ids)!, invocation.Get(application), invocation.Get(org), invocation.Get(project), invocation.Get(fleet));
            },
            service, ids, application, org, project, fleet);
    }

    /// <summary>Follows each run in turn (they all have to end anyway); the exit code is the most serious outcome.
    /// With --json, one document: the run's, or <c>{"runs": [...]}</c> for several.</summary>
    public static async Task<int> FollowAsync(Invocation invocation, string service, IReadOnlyList<string> ids, string? applicationId, string? org, string? project, string? fleet)
    {
        var suffix = string.Empty;
        Func<string, TriggeredRun> track = service switch
        {
            ServiceNames.Agentset => Tracker(Clients.Agentset(invocation), (c, id) => c.IngestJobs.Track(id)),
            ServiceNames.Mixpeek => Tracker(Clients.Mixpeek(invocation), (c, id) => c.Executions.Track(id)),
            ServiceNames.TrueFoundry => TrueFoundry(invocation, applicationId, out suffix),
            ServiceNames.Shipyard => Shipyard(invocation, org, project, fleet, out suffix),
            ServiceNames.Astropod => throw new CliUsageException("Astropod reports no status for a triggered ingestion: there is nothing to wait for"),
            _ => throw new CliUsageException($"unknown service '{service}'"),
        };
        var runs = ids.Select(track).ToList();

        if (runs.Count == 1)
        {
            return await RunFollower.ReportAsync(invocation, runs[0], wait: true, $"astro-triggers wait {service} {runs[0].Id}{suffix}").ConfigureAwait(false);
        }

        // Several runs: each is reported as lines, the JSON documents are collected into one.
        var documents = new JsonArray();
        var codes = new List<int>();
        foreach (var run in runs)
        {
            var capture = new CapturingInvocationOutput(invocation);
            var code = await RunFollower.ReportAsync(capture.Invocation, run, wait: true, $"astro-triggers wait {service} {run.Id}{suffix}").ConfigureAwait(false);
            codes.Add(code);
            if (capture.Document is { } document)
            {
                documents.Add((JsonNode)document);
            }

            if (code == ExitCodes.Interrupted)
            {
                break;
            }
        }

        var worst = Worst(codes);
        if (invocation.Out.Json)
        {
            invocation.Out.Document(new JsonObject { ["service"] = ServiceNames.Display(service), ["exitCode"] = worst, ["runs"] = documents });
        }

        return worst;
    }

    /// <summary>The most serious outcome first: interrupted, the service failing, refusing, a timeout, a failed run.</summary>
    public static int Worst(IEnumerable<int> codes)
    {
        int[] order = [ExitCodes.Interrupted, ExitCodes.Unavailable, ExitCodes.Refused, ExitCodes.Usage, ExitCodes.WaitTimedOut, ExitCodes.RunFailed];
        var set = codes.ToHashSet();
        return order.FirstOrDefault(set.Contains);
    }

    private static Func<string, TriggeredRun> Tracker<TClient>(TClient client, Func<TClient, string, TriggeredRun> track) => id => track(client, id);

    private static Func<string, TriggeredRun> TrueFoundry(Invocation invocation, string? applicationId, out string suffix)
    {
        var client = Clients.TrueFoundry(invocation);
        var app = invocation.Require(applicationId, EnvNames.TrueFoundryApplication, "--application-id", "the TrueFoundry application id");
        suffix = $" --application-id {app}";
        return id => client.JobRuns.Track(app, id);
    }

    private static Func<string, TriggeredRun> Shipyard(Invocation invocation, string? org, string? project, string? fleet, out string suffix)
    {
        var client = Clients.Shipyard(invocation);
        var o = invocation.Require(org, EnvNames.ShipyardOrg, "--org", "the Shipyard organisation id");
        var p = invocation.Require(project, EnvNames.ShipyardProject, "--project", "the Shipyard project id");
        var f = invocation.Require(fleet, EnvNames.ShipyardFleet, "--fleet", "the Shipyard fleet id");
        suffix = $" --org {o} --project {p} --fleet {f}";
        return id => client.FleetRuns.Track(o, p, f, id);
    }

    /// <summary>Runs the follower for one of several runs with its JSON document kept back, so stdout still gets one.</summary>
    private sealed class CapturingInvocationOutput
    {
        public CapturingInvocationOutput(Invocation invocation)
        {
            Invocation = invocation;
            Invocation.Out.Capture(document => Document = document);
        }

        public Invocation Invocation { get; }

        public JsonObject? Document { get; private set; }
    }
}
