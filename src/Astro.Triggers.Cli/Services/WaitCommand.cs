using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Runs;
using Astro.Triggers.Sdk;

namespace Astro.Triggers.Cli.Services;

/// <summary>Follows runs started earlier, rehydrated by id through the clients' <c>Track</c> methods (like Jenkins'
/// <c>build -s</c> or trigger.dev's <c>--wait</c>): <c>&lt;service&gt; &lt;noun&gt; wait &lt;id…&gt;</c> on each service,
/// and the hidden 0.x spelling <c>wait &lt;service&gt; &lt;id…&gt;</c>.</summary>
internal static class WaitCommand
{
    /// <summary>The new spelling of each service's wait.</summary>
    public static string NewSpelling(string service) => service switch
    {
        ServiceNames.Agentset => "agentset ingest-jobs wait",
        ServiceNames.TrueFoundry => "truefoundry job-runs wait",
        ServiceNames.Shipyard => "shipyard fleet-runs wait",
        ServiceNames.Mixpeek => "mixpeek executions wait",
        _ => "(Astropod has no run status: nothing to wait for)",
    };

    /// <summary><c>wait --token TOKEN…</c> / <c>--tokens-from FILE</c>: follows runs from their resume tokens (any service,
    /// written by any SDK or by a start command); and the 0.x <c>wait &lt;service&gt; &lt;run-id…&gt;</c>, which says the new
    /// spelling and runs it.</summary>
    public static Command BuildRenamed(CommandFactory factory)
    {
        var service = new Argument<string?>("service") { Description = "0.x spelling: agentset, truefoundry, shipyard or mixpeek (use --token, or <service> <noun> wait)", Arity = ArgumentArity.ZeroOrOne };
        service.AcceptOnlyFromAmong(ServiceNames.Agentset, ServiceNames.TrueFoundry, ServiceNames.Shipyard, ServiceNames.Mixpeek, ServiceNames.Astropod);
        var ids = new Argument<string[]>("run-id") { Description = "0.x spelling: the runs' ids", Arity = ArgumentArity.ZeroOrMore };
        // The 0.x positional spelling still works but is not advertised: help shows --token and --tokens-from.
        service.Hidden = true;
        ids.Hidden = true;
        var tokens = new Option<string[]>("--token")
        {
            Description = "A run's resume token (atr1.…, printed by a start command, or any SDK's run.ResumeToken); repeat for several runs",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var tokensFrom = new Option<FileInfo?>("--tokens-from") { Description = "A file of resume tokens, one per line (blank lines and # comments skipped)" };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON run document per line on stdout as each run ends (instead of --json's one document at the end)" };
        var application = TrueFoundryCommands.ApplicationId();
        var (org, project, fleet) = ShipyardCommands.FleetOptions();
        var command = factory.Create("wait", "Follow runs from their resume tokens (--token, --tokens-from), whatever the service", "service",
            async invocation =>
            {
                var given = (invocation.Get(tokens) ?? []).ToList();
                if (invocation.Get(tokensFrom) is { } file)
                {
                    given.AddRange(await ReadTokensAsync(invocation, file).ConfigureAwait(false));
                }

                var hasTokens = given.Count > 0 || invocation.Get(tokensFrom) is not null;
                if (hasTokens)
                {
                    if (invocation.Get(service) is not null || (invocation.Get(ids) ?? []).Length > 0)
                    {
                        throw new CliUsageException("give either resume tokens (--token, --tokens-from) or <service> <run-id…>, not both");
                    }

                    return await FollowTokensAsync(invocation, given, invocation.Get(jsonl)).ConfigureAwait(false);
                }

                if (invocation.Get(service) is not { } named || (invocation.Get(ids) ?? []).Length == 0)
                {
                    throw new CliUsageException("give the runs' resume tokens: wait --token TOKEN (repeatable) or --tokens-from FILE");
                }

                invocation.Service = named;
                invocation.Out.Log($"astro-triggers: notice: `wait {invocation.Service}` is now `{NewSpelling(invocation.Service)}`; the old spelling still works in 1.x and goes in 2.0.");
                return await FollowAsync(invocation, invocation.Service, invocation.Get(ids)!, invocation.Get(application), invocation.Get(org), invocation.Get(project), invocation.Get(fleet)).ConfigureAwait(false);
            },
            [service, ids, tokens, tokensFrom, jsonl, application, org, project, fleet, GlobalOptions.Config, GlobalOptions.Offline, GlobalOptions.BaseUrl, .. GlobalOptions.WaitSettings]);
        return command;
    }

    /// <summary>The tokens of a file, one per line; blank lines and lines starting with # are skipped.</summary>
    private static async Task<IReadOnlyList<string>> ReadTokensAsync(Invocation invocation, FileInfo file)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, invocation.Cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--tokens-from: cannot read '{file.Name}': {ex.Message}");
        }

        var lines = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        return lines.Count > 0 ? lines : throw new CliUsageException($"--tokens-from: '{file.Name}' holds no resume token");
    }

    /// <summary>Follows runs from their tokens: the service is read from each token, one client per service, the run
    /// resumed by the client's <c>ResumeRun</c> (which checks the whole token).</summary>
    public static async Task<int> FollowTokensAsync(Invocation invocation, IReadOnlyList<string> tokens, bool jsonl = false)
    {
        if (jsonl && invocation.Out.Json)
        {
            throw new CliUsageException("--jsonl and --json: pick one");
        }

        var resumers = new Dictionary<string, Func<string, TriggeredRun>>(StringComparer.Ordinal);
        var runs = new List<(TriggeredRun Run, string Token)>();
        foreach (var token in tokens)
        {
            var service = ServiceOf(token);
            if (!resumers.TryGetValue(service, out var resume))
            {
                invocation.Service = service;
                resume = service switch
                {
                    ServiceNames.Agentset => Tracker(Clients.Agentset(invocation), (c, t) => c.ResumeRun(t)),
                    ServiceNames.TrueFoundry => Tracker(Clients.TrueFoundry(invocation), (c, t) => c.ResumeRun(t)),
                    ServiceNames.Shipyard => Tracker(Clients.Shipyard(invocation), (c, t) => c.ResumeRun(t)),
                    ServiceNames.Mixpeek => Tracker(Clients.Mixpeek(invocation), (c, t) => c.ResumeRun(t)),
                    _ => throw new CliUsageException("Astropod reports no status for a started ingestion: there is nothing to wait for"),
                };
                resumers[service] = resume;
            }

            runs.Add((resume(token), token));
        }

        if (runs.Count == 1 && !jsonl)
        {
            return await RunFollower.ReportAsync(invocation, runs[0].Run, wait: true, $"astro-triggers wait --token {runs[0].Token}").ConfigureAwait(false);
        }

        var services = runs.Select(r => r.Run.Service).Distinct(StringComparer.Ordinal).ToList();
        return await FollowGroupAsync(invocation, [.. runs.Select(r => new GroupFollower.Member(r.Run, $"astro-triggers wait --token {r.Token}"))], jsonl, services.Count == 1 ? services[0] : null).ConfigureAwait(false);
    }

    /// <summary>Several runs followed as one <see cref="RunGroup{TRun}"/> (a read per list page, not per run); the exit
    /// code is the most serious outcome. With --json, one <c>{"document": "runs", "runs": [...]}</c> document.</summary>
    public static async Task<int> FollowGroupAsync(Invocation invocation, IReadOnlyList<GroupFollower.Member> members, bool jsonl, string? service)
    {
        if (jsonl && invocation.Out.Json)
        {
            throw new CliUsageException("--jsonl and --json: pick one");
        }

        var results = await GroupFollower.FollowAsync(invocation, members, jsonl).ConfigureAwait(false);
        var worst = Worst(results.Select(r => r.Code));
        if (invocation.Out.Json)
        {
            var error = worst == ExitCodes.Succeeded
                ? null
                : Documents.ErrorObject(invocation.Interrupted ? "interrupted" : "runs", $"{results.Count(r => r.Code != ExitCodes.Succeeded)} of {results.Count} runs did not succeed"
                    + (invocation.Interrupted ? " (interrupted: waiting stopped, the runs were not cancelled)" : string.Empty));
            var document = Documents.Envelope(Documents.Runs, service, worst, error);
            document["runs"] = new JsonArray([.. results.Select(r => (JsonNode)r.Document)]);
            invocation.Out.Document(document);
        }

        return worst;
    }

    /// <summary>The CLI's name of the service a token names (its <c>s</c> field), only to pick the client: the client's
    /// <c>ResumeRun</c> checks the whole token.</summary>
    private static string ServiceOf(string token)
    {
        const string Prefix = "atr1.";
        if (token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                var payload = token[Prefix.Length..];
                var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(payload);
                if (JsonNode.Parse(bytes) is JsonObject fields && fields["s"] is JsonValue value && value.TryGetValue<string>(out var service)
                    && service is ServiceNames.Agentset or ServiceNames.TrueFoundry or ServiceNames.Shipyard or ServiceNames.Mixpeek or ServiceNames.Astropod)
                {
                    return service;
                }
            }
            catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or ArgumentException)
            {
                // Not a token: said below.
            }
        }

        throw new CliUsageException($"--token: '{Shorten(token)}' is not a resume token (atr1.…, printed by a start command or an SDK's run.ResumeToken)");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    /// <summary>Follows the runs together (each is polled on its own schedule; they all have to end anyway); the exit
    /// code is the most serious outcome. With --json, one document: the run's, or <c>{"document": "runs", "runs": [...]}</c>
    /// for several.</summary>
    public static async Task<int> FollowAsync(Invocation invocation, string service, IReadOnlyList<string> ids, string? applicationId, string? org, string? project, string? fleet)
    {
        var suffix = string.Empty;
        Func<string, TriggeredRun> track = service switch
        {
            ServiceNames.Agentset => Tracker(Clients.Agentset(invocation), (c, id) => c.IngestJobs.Track(id)),
            ServiceNames.Mixpeek => Tracker(Clients.Mixpeek(invocation), (c, id) => c.Executions.Track(id)),
            ServiceNames.TrueFoundry => TrueFoundry(invocation, applicationId, out suffix),
            ServiceNames.Shipyard => Shipyard(invocation, org, project, fleet, out suffix),
            ServiceNames.Astropod => throw new CliUsageException("Astropod reports no status for a started ingestion: there is nothing to wait for"),
            _ => throw new CliUsageException($"unknown service '{service}'"),
        };
        var runs = ids.Select(track).ToList();
        var spelling = NewSpelling(service);

        if (runs.Count == 1)
        {
            return await RunFollower.ReportAsync(invocation, runs[0], wait: true, $"astro-triggers {spelling} {runs[0].Id}{suffix}").ConfigureAwait(false);
        }

        // Several runs: followed as one group, a read per list page.
        return await FollowGroupAsync(invocation, [.. runs.Select(run => new GroupFollower.Member(run, $"astro-triggers {spelling} {run.Id}{suffix}"))], jsonl: false, ServiceNames.Display(service)).ConfigureAwait(false);
    }

    /// <summary>The most serious outcome first: a bug, a signal, the service failing, refusing, a usage error, a timeout,
    /// a failed run.</summary>
    public static int Worst(IEnumerable<int> codes)
    {
        int[] order = [ExitCodes.Bug, ExitCodes.Terminated, ExitCodes.Interrupted, ExitCodes.Unavailable, ExitCodes.Refused, ExitCodes.Usage, ExitCodes.WaitTimedOut, ExitCodes.RunFailed];
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
}
