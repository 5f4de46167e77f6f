using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Runs;
using Astro.Triggers.Sdk.Agentset;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>agentset jobs create|get|list|delete|reingest</c>: Agentset ingest jobs.</summary>
internal static class AgentsetCommands
{
    private static readonly Option<string?> Namespace = new("--namespace") { Description = $"The namespace id, ns_… [default: ${EnvNames.AgentsetNamespace}]" };
    private static readonly Option<string?> Tenant = new("--tenant") { Description = $"The tenant id (x-tenant-id) [default: ${EnvNames.AgentsetTenant}]" };

    public static Command Build(CommandFactory factory)
    {
        const string service = ServiceNames.Agentset;
        var jobId = new Argument<string>("job-id") { Description = "The ingest job's id, job_…" };

        var text = new Option<string?>("--text") { Description = "Ingest this text" };
        var url = new Option<string?>("--url") { Description = "Crawl and ingest this URL" };
        var name = new Option<string?>("--name") { Description = "The job's name" };
        var externalId = new Option<string?>("--external-id") { Description = "Your own id for the job" };
        var fileName = new Option<string?>("--file-name") { Description = "The file name to store --text under" };
        var wait = GlobalOptions.Wait();
        var create = factory.Create("create", "Create an ingest job (--text or --url); with --wait follow it to the end", service, async invocation =>
        {
            var client = Clients.Agentset(invocation, invocation.Get(Namespace), invocation.Get(Tenant));
            IngestJobPayload payload = invocation.Get(text) is { } body
                ? new TextPayload { Text = body, FileName = invocation.Get(fileName) }
                : new CrawlPayload
                {
                    Url = Uri.TryCreate(invocation.Get(url), UriKind.Absolute, out var crawl) && crawl.Scheme is "http" or "https"
                        ? crawl
                        : throw new CliUsageException($"--url '{invocation.Get(url)}' is not an absolute http(s) URL"),
                };
            var run = await client.IngestJobs.StartAsync(
                new CreateIngestJobRequest { Name = invocation.Get(name), ExternalId = invocation.Get(externalId), Payload = payload },
                cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            return await RunFollower.ReportAsync(invocation, run, invocation.Get(wait), $"astro-triggers wait agentset {run.Id}").ConfigureAwait(false);
        }, text, url, name, externalId, fileName, wait, Namespace, Tenant);
        create.Validators.Add(result =>
        {
            if ((result.GetValue(text) is null) == (result.GetValue(url) is null))
            {
                result.AddError("pass exactly one of --text or --url");
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
                invocation.Out.Document(new JsonObject { ["service"] = "Agentset", ["id"] = invocation.Get(jobId), ["deleted"] = true, ["rawStatus"] = job is null ? null : WireNames.UpperSnake(job.Status) });
            }

            return ExitCodes.Succeeded;
        }, jobId, Namespace, Tenant);

        var reingestWait = GlobalOptions.Wait();
        var reingest = factory.Create("reingest", "Re-ingest a job's documents; with --wait follow the job to the end", service, async invocation =>
        {
            var client = Clients.Agentset(invocation, invocation.Get(Namespace), invocation.Get(Tenant));
            var id = await client.IngestJobs.ReIngestAsync(invocation.Get(jobId)!, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            var run = client.IngestJobs.Track(id);
            return await RunFollower.ReportAsync(invocation, run, invocation.Get(reingestWait), $"astro-triggers wait agentset {id}").ConfigureAwait(false);
        }, jobId, reingestWait, Namespace, Tenant);

        return CommandFactory.Group(service, "Agentset ingest jobs (AGENTSET_API_KEY, AGENTSET_NAMESPACE_ID)",
            CommandFactory.Group("jobs", "Create, inspect and delete ingest jobs", create, get, list, delete, reingest));
    }

    private static void Print(Invocation invocation, IReadOnlyList<IngestJob> jobs, bool single)
    {
        if (invocation.Out.Json)
        {
            var items = jobs.Select(View).ToArray();
            invocation.Out.Document(single ? items[0] : new JsonObject { ["service"] = "Agentset", ["items"] = new JsonArray(items) });
            return;
        }

        invocation.Out.Table(
            ["id", "status", "name", "created", "error"],
            jobs.Select(j => (IReadOnlyList<string?>)[j.Id, WireNames.UpperSnake(j.Status), j.Name, RunDocument.Time(j.CreatedAt), j.Error]));
    }

    private static JsonObject View(IngestJob job) => new()
    {
        ["service"] = "Agentset",
        ["id"] = job.Id,
        ["status"] = RunDocument.Status(IngestJobRun.Map(job.Status)),
        ["rawStatus"] = WireNames.UpperSnake(job.Status),
        ["name"] = job.Name,
        ["externalId"] = job.ExternalId,
        ["error"] = job.Error,
        ["createdAt"] = RunDocument.Time(job.CreatedAt),
        ["finishedAt"] = RunDocument.Time(job.CompletedAt ?? job.FailedAt),
    };
}
