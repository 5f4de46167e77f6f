using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Runs;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>truefoundry job-runs start|get|list|cancel|wait</c>: TrueFoundry job runs on the customer's control plane, as
/// the SDK's <c>TrueFoundryClient.JobRuns</c> names them.</summary>
internal static class TrueFoundryCommands
{
    public static Command Build(CommandFactory factory)
    {
        const string service = ServiceNames.TrueFoundry;
        var runName = new Argument<string>("run-name") { Description = "The job run's name" };

        var applicationId = ApplicationId();
        var deploymentId = new Option<string?>("--deployment-id") { Description = "The job deployment's id (instead of --application-id)" };
        var command = new Option<string?>("--command") { Description = "Override the job's command" };
        var parameters = new Option<string[]>("--param") { Description = "A job parameter, KEY=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var wait = GlobalOptions.Wait();
        var start = factory.Create("start", "Start a job run; with --wait follow it to the end", service, async invocation =>
        {
            var deployment = invocation.Get(deploymentId);
            if (deployment is not null && invocation.Get(applicationId) is not null)
            {
                // The SDK refuses a request naming both (TriggerJobRequest): say so before anything is sent.
                throw new CliUsageException("pass --application-id or --deployment-id, not both");
            }

            var client = Clients.TrueFoundry(invocation);
            var application = invocation.Get(applicationId) ?? (deployment is null ? invocation.Env(EnvNames.TrueFoundryApplication) : null);
            if (application is null && deployment is null)
            {
                throw new CliUsageException($"missing the job: pass --application-id or --deployment-id, or set {EnvNames.TrueFoundryApplication}");
            }

            var input = new JobRunInput { Command = invocation.Get(command), Params = Params(invocation.Get(parameters)) };
            var run = await client.JobRuns.StartAsync(
                new TriggerJobRequest { ApplicationId = application, DeploymentId = application is null ? deployment : null, Input = input },
                cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            return await RunFollower.ReportAsync(invocation, run, invocation.Get(wait), $"astro-triggers truefoundry job-runs wait {run.Id} --application-id {run.ApplicationId}", justStarted: true).ConfigureAwait(false);
        }, [applicationId, deploymentId, command, parameters, wait, .. GlobalOptions.WaitSettings]);

        var getApplication = ApplicationId();
        var get = factory.Create("get", "Show one job run", service, async invocation =>
        {
            var client = Clients.TrueFoundry(invocation);
            var app = RequireApplication(invocation, getApplication);
            var run = await client.JobRuns.GetAsync(app, invocation.Get(runName)!, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, [run], single: true);
            return ExitCodes.Succeeded;
        }, runName, getApplication);

        var listApplication = ApplicationId();
        var statuses = new Option<string[]>("--status") { Description = "Only runs in these statuses (RUNNING, FINISHED, FAILED, TERMINATED, …)", AllowMultipleArgumentsPerToken = true };
        var limit = GlobalOptions.Limit();
        var list = factory.Create("list", "List a job's runs", service, async invocation =>
        {
            var client = Clients.TrueFoundry(invocation);
            var app = RequireApplication(invocation, listApplication);
            var filter = new JobRunListOptions { Statuses = WireNames.Parse<JobRunStatus>(invocation.Get(statuses), "--status") is { Length: > 0 } s ? s : null, PageSize = Math.Clamp(invocation.Get(limit), 1, 100) };
            var runs = await Listing.TakeAsync(client.JobRuns.ListAsync(app, filter, cancellationToken: invocation.Cancellation), invocation.Get(limit), invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, runs, single: false);
            return ExitCodes.Succeeded;
        }, listApplication, statuses, limit);

        var cancelApplication = ApplicationId();
        var cancelDeployment = new Option<string?>("--deployment-id") { Description = "The job deployment's id (read from the run when only --application-id is given)" };
        var cancel = factory.Create("cancel", "Ask TrueFoundry to terminate a job run", service, async invocation =>
        {
            var client = Clients.TrueFoundry(invocation);
            var name = invocation.Get(runName)!;
            var deployment = invocation.Get(cancelDeployment);
            if (deployment is null)
            {
                // Termination is addressed by deployment; a user usually knows the application, so read the run once.
                var app = RequireApplication(invocation, cancelApplication);
                deployment = (await client.JobRuns.GetAsync(app, name, cancellationToken: invocation.Cancellation).ConfigureAwait(false)).DeploymentId
                    ?? throw new CliUsageException($"TrueFoundry did not say which deployment run {name} belongs to: pass --deployment-id");
            }

            var termination = await client.JobRuns.CancelAsync(deployment, name, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            invocation.Out.Line($"TrueFoundry run {name}: termination requested");
            if (invocation.Out.Json)
            {
                invocation.Out.Document(Documents.ForItem("TrueFoundry", new JsonObject { ["id"] = name, ["deploymentId"] = deployment, ["cancelRequested"] = true }));
            }

            return ExitCodes.Succeeded;
        }, runName, cancelApplication, cancelDeployment);

        var waitApplication = ApplicationId();
        var runNames = new Argument<string[]>("run-name") { Description = "The job runs' names", Arity = ArgumentArity.OneOrMore };
        var follow = factory.Create("wait", "Follow job runs started earlier until they end (several at once)", service,
            invocation => WaitCommand.FollowAsync(invocation, service, invocation.Get(runNames)!, invocation.Get(waitApplication), null, null, null),
            [runNames, waitApplication, .. GlobalOptions.WaitSettings]);

        var group = CommandFactory.Group(service, "TrueFoundry job runs (TFY_API_KEY, TFY_BASE_URL, TFY_APPLICATION_ID)",
            CommandFactory.Group("job-runs", "Start, inspect, cancel and follow job runs", start, get, list, cancel, follow),
            CommandFactory.RenamedGroup("runs",
                factory.Renamed("trigger", start, "truefoundry job-runs start"),
                factory.Renamed("get", get, "truefoundry job-runs get"),
                factory.Renamed("list", list, "truefoundry job-runs list"),
                factory.Renamed("cancel", cancel, "truefoundry job-runs cancel"),
                factory.Renamed("wait", follow, "truefoundry job-runs wait")));
        GlobalOptions.AddToService(group);
        return group;
    }

    public static Option<string?> ApplicationId() => new("--application-id") { Description = $"The job's application id [default: ${EnvNames.TrueFoundryApplication}]" };

    public static string RequireApplication(Invocation invocation, Option<string?> option) =>
        invocation.Require(invocation.Get(option), EnvNames.TrueFoundryApplication, "--application-id", "the TrueFoundry application id");

    private static Dictionary<string, object>? Params(string[]? pairs)
    {
        if (pairs is not { Length: > 0 })
        {
            return null;
        }

        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliUsageException($"--param '{pair}': expected KEY=VALUE");
            }

            result[pair[..equals]] = pair[(equals + 1)..];
        }

        return result;
    }

    private static void Print(Invocation invocation, IReadOnlyList<JobRun> runs, bool single)
    {
        if (invocation.Out.Json)
        {
            var items = runs.Select(View).ToArray();
            invocation.Out.Document(single ? Documents.ForItem("TrueFoundry", items[0]) : Documents.ForList("TrueFoundry", items));
            return;
        }

        invocation.Out.Table(
            ["name", "status", "created", "ended", "job exit code", "error"],
            runs.Select(r => (IReadOnlyList<string?>)[r.Name, JobRunStatusMap.WireName(r.Status), RunDocument.Time(r.CreatedAtUtc), RunDocument.Time(r.EndTimeUtc), r.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Error]));
    }

    private static JsonObject View(JobRun run) => new()
    {
        ["id"] = run.Name,
        ["status"] = RunDocument.Status(JobRunStatusMap.ToRunStatus(run.Status)),
        ["rawStatus"] = JobRunStatusMap.WireName(run.Status),
        ["applicationId"] = run.ApplicationId,
        ["deploymentId"] = run.DeploymentId,
        // The job's own exit code; the document's exitCode is the CLI's.
        ["jobExitCode"] = run.ExitCode,
        ["serviceError"] = run.Error,
        ["createdAt"] = RunDocument.Time(run.CreatedAtUtc),
        ["finishedAt"] = RunDocument.Time(run.EndTimeUtc),
    };
}
