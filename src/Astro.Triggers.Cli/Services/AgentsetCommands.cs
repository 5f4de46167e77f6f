using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Runs;
using Astro.Triggers.Sdk.Agentset;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>agentset ingest-jobs start|get|list|delete|re-ingest|wait</c>: Agentset ingest jobs, as the SDK's
/// <c>AgentsetClient.IngestJobs</c> names them.</summary>
internal static class AgentsetCommands
{
    private static readonly Option<string?> Namespace = new("--namespace") { Description = $"The namespace id, ns_… [default: ${EnvNames.AgentsetNamespace}]" };
    private static readonly Option<string?> Tenant = new("--tenant") { Description = $"The tenant id (x-tenant-id) [default: ${EnvNames.AgentsetTenant}]" };

    public static Command Build(CommandFactory factory)
    {
        const string service = ServiceNames.Agentset;
        var jobId = new Argument<string>("job-id") { Description = "The ingest job's id, job_…" };

        var text = new Option<string?>("--text") { Description = "Ingest this text (not empty)" };
        var url = new Option<string?>("--url") { Description = "Crawl and ingest this URL" };
        var name = new Option<string?>("--name") { Description = "The job's name" };
        var externalId = new Option<string?>("--external-id") { Description = "Your own id for the job" };
        var fileName = new Option<string?>("--file-name") { Description = "The file name to store --text under" };
        var wait = GlobalOptions.Wait();
        var from = new Option<FileInfo?>("--from") { Description = "Start one job per line of this JSONL file ({\"text\"|\"url\", \"name\", \"externalId\", \"fileName\"}), exactly once where externalId is set" };
        var concurrency = new Option<int?>("--concurrency") { Description = "With --from: how many starts at once (1-1000) [default: 8]" };
        var jsonl = new Option<bool>("--jsonl") { Description = "With --from: one JSON line per outcome (and per run with --wait) on stdout" };
        var start = factory.Create("start", "Start an ingest job (--text or --url); with --wait follow it to the end", service, async invocation =>
        {
            var client = Clients.Agentset(invocation, invocation.Get(Namespace), invocation.Get(Tenant));
            if (invocation.Get(from) is { } file)
            {
                return await AgentsetStartMany.RunAsync(invocation, client, file, invocation.Get(concurrency) ?? 8, invocation.Get(wait), invocation.Get(jsonl)).ConfigureAwait(false);
            }

            IngestJobPayload payload = invocation.Get(text) is { } body
                ? new TextPayload { Text = body, FileName = invocation.Get(fileName) }
                : new CrawlPayload
                {
                    Url = Uri.TryCreate(invocation.Get(url), UriKind.Absolute, out var crawl) && crawl.Scheme is "http" or "https"
                        ? crawl
                        : throw new CliUsageException($"--url: '{invocation.Get(url)}' is not an absolute http(s) URL"),
                };
            var run = await client.IngestJobs.StartAsync(
                new CreateIngestJobRequest { Name = invocation.Get(name), ExternalId = invocation.Get(externalId), Payload = payload },
                cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            return await RunFollower.ReportAsync(invocation, run, invocation.Get(wait), $"astro-triggers agentset ingest-jobs wait {run.Id}", justStarted: true).ConfigureAwait(false);
        }, [text, url, name, externalId, fileName, from, concurrency, jsonl, wait, Namespace, Tenant, .. GlobalOptions.WaitSettings]);
        start.Validators.Add(result =>
        {
            if (result.GetValue(from) is not null)
            {
                if (result.GetValue(text) is not null || result.GetValue(url) is not null || result.GetValue(name) is not null
                    || result.GetValue(externalId) is not null || result.GetValue(fileName) is not null)
                {
                    result.AddError("--from: the jobs come from the file; drop --text, --url, --name, --external-id and --file-name");
                }
                else if (result.GetValue(concurrency) is < 1 or > 1000)
                {
                    result.AddError("--concurrency: must be between 1 and 1000");
                }
            }
            else if (result.GetValue(jsonl))
            {
                result.AddError("--jsonl: only with --from");
            }
            else if ((result.GetValue(text) is null) == (result.GetValue(url) is null))
            {
                result.AddError("pass exactly one of --text or --url");
            }
            else if (result.GetValue(text) is { } body && string.IsNullOrWhiteSpace(body))
            {
                // The SDK refuses a blank text before sending (Agentset would answer 422).
                result.AddError("--text: must not be empty or whitespace");
            }
        });

        var get = factory.Create("get", "Show one ingest job", service, async invocation =>
        {
            var client = Clients.Agentset(invocation, invocation.Get(Namespace), invocation.Get(Tenant));
            var job = await client.IngestJobs.GetAsync(invocation.Get(jobId)!, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, [job], single: true);
            return ExitCodes.Succeeded;
        }, jobId, Namespace, Tenant);

        var statuses = new Option<string[]>("--status") { Description = "Only jobs in these statuses (QUEUED, PROCESSING, COMPLETED, FAILED, …)", AllowMultipleArgumentsPerToken = true };
        var limit = GlobalOptions.Limit();
        var list = factory.Create("list", "List the namespace's ingest jobs, newest first", service, async invocation =>
        {
            var client = Clients.Agentset(invocation, invocation.Get(Namespace), invocation.Get(Tenant));
            var filter = new IngestJobListOptions { Statuses = WireNames.Parse<IngestJobStatus>(invocation.Get(statuses), "--status") is { Length: > 0 } s ? s : null, PageSize = Math.Clamp(invocation.Get(limit), 1, 100) };
            var jobs = await Listing.TakeAsync(client.IngestJobs.ListAsync(filter, cancellationToken: invocation.Cancellation), invocation.Get(limit), invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, jobs, single: false);
            return ExitCodes.Succeeded;
        }, statuses, limit, Namespace, Tenant);

        var delete = factory.Create("delete", "Delete an ingest job (and its documents)", service, async invocation =>
        {
            var client = Clients.Agentset(invocation, invocation.Get(Namespace), invocation.Get(Tenant));
            var job = await client.IngestJobs.DeleteAsync(invocation.Get(jobId)!, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            invocation.Out.Line($"deleting {invocation.Get(jobId)}{(job is null ? string.Empty : $" ({WireNames.UpperSnake(job.Status)})")}");
            if (invocation.Out.Json)
            {
                invocation.Out.Document(Documents.ForItem("Agentset", new JsonObject { ["id"] = invocation.Get(jobId), ["deleted"] = true, ["rawStatus"] = job is null ? null : WireNames.UpperSnake(job.Status) }));
            }

            return ExitCodes.Succeeded;
        }, jobId, Namespace, Tenant);

        var reingestWait = GlobalOptions.Wait();
        var reingest = factory.Create("re-ingest", "Re-ingest a job's documents; with --wait follow the job to the end", service, async invocation =>
        {
            var client = Clients.Agentset(invocation, invocation.Get(Namespace), invocation.Get(Tenant));
            var id = await client.IngestJobs.ReIngestAsync(invocation.Get(jobId)!, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            var run = client.IngestJobs.Track(id);
            return await RunFollower.ReportAsync(invocation, run, invocation.Get(reingestWait), $"astro-triggers agentset ingest-jobs wait {id}", justStarted: true).ConfigureAwait(false);
        }, [jobId, reingestWait, Namespace, Tenant, .. GlobalOptions.WaitSettings]);

        var jobIds = new Argument<string[]>("job-id") { Description = "The ingest jobs' ids, job_…", Arity = ArgumentArity.OneOrMore };
        var follow = factory.Create("wait", "Follow ingest jobs started earlier until they end (several at once)", service,
            invocation => WaitCommand.FollowAsync(invocation, service, invocation.Get(jobIds)!, null, null, null, null),
            [jobIds, Namespace, Tenant, .. GlobalOptions.WaitSettings]);

        var group = CommandFactory.Group(service, "Agentset ingest jobs (AGENTSET_API_KEY, AGENTSET_NAMESPACE_ID)",
            CommandFactory.Group("ingest-jobs", "Start, inspect, delete and follow ingest jobs", start, get, list, delete, reingest, follow),
            CommandFactory.RenamedGroup("jobs",
                factory.Renamed("create", start, "agentset ingest-jobs start"),
                factory.Renamed("get", get, "agentset ingest-jobs get"),
                factory.Renamed("list", list, "agentset ingest-jobs list"),
                factory.Renamed("delete", delete, "agentset ingest-jobs delete"),
                factory.Renamed("reingest", reingest, "agentset ingest-jobs re-ingest")));
        GlobalOptions.AddToService(group);
        return group;
    }

    private static void Print(Invocation invocation, IReadOnlyList<IngestJob> jobs, bool single)
    {
        if (invocation.Out.Json)
        {
            var items = jobs.Select(View).ToArray();
            invocation.Out.Document(single ? Documents.ForItem("Agentset", items[0]) : Documents.ForList("Agentset", items));
            return;
        }

        invocation.Out.Table(
            ["id", "status", "name", "created", "error"],
            jobs.Select(j => (IReadOnlyList<string?>)[j.Id, WireNames.UpperSnake(j.Status), j.Name, RunDocument.Time(j.CreatedAt), j.Error]));
    }

    private static JsonObject View(IngestJob job) => new()
    {
        ["id"] = job.Id,
        ["status"] = RunDocument.Status(IngestJobRun.Map(job.Status)),
        ["rawStatus"] = WireNames.UpperSnake(job.Status),
        ["name"] = job.Name,
        ["externalId"] = job.ExternalId,
        ["serviceError"] = job.Error,
        ["createdAt"] = RunDocument.Time(job.CreatedAt),
        ["finishedAt"] = RunDocument.Time(job.CompletedAt ?? job.FailedAt),
    };
}
