using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Config;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Runs;
using Astro.Triggers.Sdk.Mixpeek;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>mixpeek triggers create|get|list|update|pause|resume|delete|preview</c> (the trigger lifecycle;
/// <c>preview</c> is local) and <c>mixpeek executions start|list|wait</c> (an execution is a task a trigger starts), as
/// the SDK's <c>MixpeekClient.Triggers</c> and <c>.Executions</c> name them.</summary>
internal static class MixpeekCommands
{
    public static Command Build(CommandFactory factory)
    {
        const string service = ServiceNames.Mixpeek;
        var triggerId = new Argument<string>("trigger-id") { Description = "The trigger's id" };
        var schedule = new ScheduleOptions();

        var cluster = new Option<string?>("--cluster") { Description = "Action: re-run this cluster" };
        var collection = new Option<string?>("--collection") { Description = "Action: process this collection (the source collection with --taxonomy)" };
        var batch = new Option<string?>("--batch-rerun") { Description = "Action: re-run this batch" };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Action: enrich --collection with this taxonomy" };
        var description = new Option<string?>("--description") { Description = "A description" };
        var paused = new Option<bool>("--paused") { Description = "Create it paused" };
        var create = factory.Create("create", "Create a cron or interval trigger for a cluster, collection, batch re-run or taxonomy enrichment", service, async invocation =>
        {
            var action = Action(invocation.Get(cluster), invocation.Get(collection), invocation.Get(batch), invocation.Get(taxonomy));
            var when = schedule.Read(invocation) ?? throw new CliUsageException("pass a schedule: --cron EXPR [--tz ZONE] or --interval DURATION");
            var client = Clients.Mixpeek(invocation);
            var trigger = await client.Triggers.CreateAsync(
                new CreateTriggerRequest(action, when) { Description = invocation.Get(description), Status = invocation.Get(paused) ? TriggerStatus.Paused : null },
                cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, [trigger], single: true);
            return ExitCodes.Succeeded;
        }, [cluster, collection, batch, taxonomy, .. schedule.Symbols, description, paused]);

        var get = Simple(factory, "get", "Show one trigger", triggerId, (client, id, ct) => client.Triggers.GetAsync(id, cancellationToken: ct));
        var pause = Simple(factory, "pause", "Pause a trigger", triggerId, (client, id, ct) => client.Triggers.PauseAsync(id, cancellationToken: ct));
        var resume = Simple(factory, "resume", "Resume a paused trigger", triggerId, (client, id, ct) => client.Triggers.ResumeAsync(id, cancellationToken: ct));

        var updateSchedule = new ScheduleOptions();
        var updateDescription = new Option<string?>("--description") { Description = "A new description" };
        var update = factory.Create("update", "Change a trigger's schedule or description", service, async invocation =>
        {
            var request = new UpdateTriggerRequest { Schedule = updateSchedule.Read(invocation), Description = invocation.Get(updateDescription) };
            if (request.IsEmpty)
            {
                throw new CliUsageException("nothing to update: pass --cron/--interval or --description");
            }

            var client = Clients.Mixpeek(invocation);
            var trigger = await client.Triggers.UpdateAsync(invocation.Get(triggerId)!, request, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, [trigger], single: true);
            return ExitCodes.Succeeded;
        }, [triggerId, .. updateSchedule.Symbols, updateDescription]);

        var statuses = new Option<string?>("--status") { Description = "Only triggers in this status (active, paused, disabled, failed)" };
        var limit = GlobalOptions.Limit();
        var list = factory.Create("list", "List the namespace's triggers", service, async invocation =>
        {
            var status = invocation.Get(statuses) is { } text ? WireNames.Parse<TriggerStatus>([text], "--status")[0] : (TriggerStatus?)null;
            var client = Clients.Mixpeek(invocation);
            var triggers = await Listing.TakeAsync(
                client.Triggers.ListAsync(new TriggerListOptions { Status = status, PageSize = Math.Clamp(invocation.Get(limit), 1, 100) }, cancellationToken: invocation.Cancellation),
                invocation.Get(limit), invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, triggers, single: false);
            return ExitCodes.Succeeded;
        }, statuses, limit);

        var delete = factory.Create("delete", "Delete a trigger", service, async invocation =>
        {
            var client = Clients.Mixpeek(invocation);
            await client.Triggers.DeleteAsync(invocation.Get(triggerId)!, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            invocation.Out.Line($"deleted {invocation.Get(triggerId)}");
            if (invocation.Out.Json)
            {
                invocation.Out.Document(Documents.ForItem("Mixpeek", new JsonObject { ["id"] = invocation.Get(triggerId), ["deleted"] = true }));
            }

            return ExitCodes.Succeeded;
        }, triggerId);

        var wait = GlobalOptions.Wait();
        var start = factory.Create("start", "Start an execution of a trigger now; with --wait follow the execution (task) to the end", service, async invocation =>
        {
            var client = Clients.Mixpeek(invocation);
            var run = await client.Executions.StartAsync(invocation.Get(triggerId)!, cancellationToken: invocation.Cancellation).ConfigureAwait(false);
            return await RunFollower.ReportAsync(invocation, run, invocation.Get(wait), $"astro-triggers mixpeek executions wait {run.Id}", justStarted: true).ConfigureAwait(false);
        }, [triggerId, wait, .. GlobalOptions.WaitSettings]);

        var historyLimit = GlobalOptions.Limit();
        var history = factory.Create("list", "List a trigger's executions (its history), newest first", service, async invocation =>
        {
            var client = Clients.Mixpeek(invocation);
            var executions = await Listing.TakeAsync(
                client.Executions.ListAsync(invocation.Get(triggerId)!, new TriggerHistoryOptions { PageSize = Math.Clamp(invocation.Get(historyLimit), 1, 100) }, cancellationToken: invocation.Cancellation),
                invocation.Get(historyLimit), invocation.Cancellation).ConfigureAwait(false);
            if (invocation.Out.Json)
            {
                invocation.Out.Document(Documents.ForList("Mixpeek", executions.Select(e => new JsonObject
                {
                    ["id"] = e.TaskId, ["rawStatus"] = e.Status, ["triggeredAt"] = RunDocument.Time(e.TriggeredAt), ["executionTimeMs"] = e.ExecutionTimeMs, ["serviceError"] = e.Error,
                })));
            }
            else
            {
                invocation.Out.Table(["task", "status", "triggered", "ms", "error"], executions.Select(e => (IReadOnlyList<string?>)[e.TaskId, e.Status, RunDocument.Time(e.TriggeredAt), e.ExecutionTimeMs?.ToString(CultureInfo.InvariantCulture), e.Error]));
            }

            return ExitCodes.Succeeded;
        }, triggerId, historyLimit);

        var cron = new Option<string>("--cron") { Description = "The cron expression (5 fields)", Required = true };
        var zone = new Option<string>("--tz") { Description = "The IANA time zone", DefaultValueFactory = _ => "UTC" };
        var count = new Option<int>("-n", "--count") { Description = "How many fire times", DefaultValueFactory = _ => 5 };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Start after this time (ISO 8601) [default: now]" };
        var preview = factory.Create("preview", "Print a cron schedule's next fire times (local: no request, no key)", service, invocation =>
        {
            if (invocation.Get(count) is < 1 or > 1000)
            {
                throw new CliUsageException("-n/--count: between 1 and 1000");
            }

            var times = new CronSchedule(invocation.Get(cron)!, invocation.Get(zone)!).GetNextFireTimes(invocation.Get(from) ?? DateTimeOffset.UtcNow, invocation.Get(count));
            var formatted = times.Select(t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).ToList();
            if (invocation.Out.Json)
            {
                invocation.Out.Document(Documents.Merge(
                    Documents.Envelope(Documents.Schedule, "Mixpeek", ExitCodes.Succeeded),
                    new JsonObject { ["cron"] = invocation.Get(cron), ["timeZone"] = invocation.Get(zone), ["fireTimes"] = new JsonArray([.. formatted.Select(f => (JsonNode?)f)]) }));
            }
            else
            {
                formatted.ForEach(invocation.Out.Line);
            }

            return Task.FromResult(ExitCodes.Succeeded);
        }, cron, zone, count, from);

        var taskIds = new Argument<string[]>("task-id") { Description = "The executions' task ids", Arity = ArgumentArity.OneOrMore };
        var follow = factory.Create("wait", "Follow executions started earlier until they end (several at once)", service,
            invocation => WaitCommand.FollowAsync(invocation, service, invocation.Get(taskIds)!, null, null, null, null),
            [taskIds, .. GlobalOptions.WaitSettings]);

        var triggerGroup = CommandFactory.Group("triggers", "The trigger lifecycle", create, get, list, update, pause, resume, delete, preview,
            factory.Renamed("execute", start, "mixpeek executions start"),
            factory.Renamed("history", history, "mixpeek executions list"));
        var group = CommandFactory.Group(service, "Mixpeek triggers and executions (MIXPEEK_API_KEY, MIXPEEK_NAMESPACE)",
            triggerGroup,
            CommandFactory.Group("executions", "Start, list and follow a trigger's executions (tasks)", start, history, follow));
        GlobalOptions.AddToService(group);
        return group;
    }

    private static Command Simple(CommandFactory factory, string name, string description, Argument<string> triggerId, Func<MixpeekClient, string, CancellationToken, Task<Trigger>> call) =>
        factory.Create(name, description, ServiceNames.Mixpeek, async invocation =>
        {
            var client = Clients.Mixpeek(invocation);
            var trigger = await call(client, invocation.Get(triggerId)!, invocation.Cancellation).ConfigureAwait(false);
            Print(invocation, [trigger], single: true);
            return ExitCodes.Succeeded;
        }, triggerId);

    private static TriggerAction Action(string? cluster, string? collection, string? batch, string? taxonomy)
    {
        if (taxonomy is not null)
        {
            return cluster is null && batch is null && collection is not null
                ? new TaxonomyEnrichmentAction(taxonomy, collection)
                : throw new CliUsageException("--taxonomy needs --collection (and no other action)");
        }

        var chosen = new[] { cluster, collection, batch }.Count(v => v is not null);
        if (chosen != 1)
        {
            throw new CliUsageException("pass one action: --cluster ID, --collection ID, --batch-rerun ID, or --taxonomy ID --collection ID");
        }

        return cluster is not null ? new ClusterAction(cluster)
            : collection is not null ? new CollectionTriggerAction(collection)
            : new BatchRerunAction(batch!);
    }

    private static void Print(Invocation invocation, IReadOnlyList<Trigger> triggers, bool single)
    {
        if (invocation.Out.Json)
        {
            var items = triggers.Select(View).ToArray();
            invocation.Out.Document(single ? Documents.ForItem("Mixpeek", items[0]) : Documents.ForList("Mixpeek", items));
            return;
        }

        invocation.Out.Table(
            ["id", "status", "action", "schedule", "next", "executions"],
            triggers.Select(t => (IReadOnlyList<string?>)[t.TriggerId, Lower(t.Status), t.Action.ActionType, Schedule(t.Schedule), RunDocument.Time(t.NextScheduledAt), t.ExecutionCount.ToString(CultureInfo.InvariantCulture)]));
    }

    private static JsonObject View(Trigger trigger) => new()
    {
        ["id"] = trigger.TriggerId,
        ["rawStatus"] = Lower(trigger.Status),
        ["action"] = trigger.Action.ActionType,
        ["triggerType"] = trigger.Schedule.TriggerType,
        ["schedule"] = Schedule(trigger.Schedule),
        ["description"] = trigger.Description,
        ["nextScheduledAt"] = RunDocument.Time(trigger.NextScheduledAt),
        ["lastTriggeredAt"] = RunDocument.Time(trigger.LastTriggeredAt),
        ["lastExecutionTaskId"] = trigger.LastExecutionTaskId,
        ["executionCount"] = trigger.ExecutionCount,
        ["createdAt"] = RunDocument.Time(trigger.CreatedAt),
    };

    private static string Lower(TriggerStatus status) => status.ToString().ToLowerInvariant();

    private static string Schedule(TriggerSchedule schedule) => schedule switch
    {
        CronSchedule cron => $"cron '{cron.CronExpression}' {cron.TimeZone}",
        IntervalSchedule interval => $"every {Astro.Triggers.Sdk.Core.HumanDuration.Format(interval.Interval)}",
        _ => schedule.TriggerType,
    };

    /// <summary>--cron/--tz or --interval, shared by create and update.</summary>
    private sealed class ScheduleOptions
    {
        private readonly Option<string?> _cron = new("--cron") { Description = "A cron schedule (5 fields), e.g. \"0 2 * * *\"" };
        private readonly Option<string?> _zone = new("--tz") { Description = "The cron schedule's IANA time zone [default: UTC]" };
        private readonly Option<TimeSpan?> _interval = new("--interval") { Description = "An interval schedule, e.g. 15m, 2h", CustomParser = r => Durations.Parse(r) };

        public Symbol[] Symbols => [_cron, _zone, _interval];

        public TriggerSchedule? Read(Invocation invocation)
        {
            var cron = invocation.Get(_cron);
            var interval = invocation.Get(_interval);
            if (cron is not null && interval is not null)
            {
                throw new CliUsageException("pass --cron or --interval, not both");
            }

            return cron is not null ? new CronSchedule(cron, invocation.Get(_zone) ?? "UTC")
                : interval is { } every ? new IntervalSchedule(every)
                : null;
        }
    }
}
