using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Cli.Runs;

/// <summary>The JSON shape of a run, the same for every service: id, service, common status, the service's own status,
/// its error text, timestamps, how the CLI's wait ended and the exit code; plus the ids needed to follow it later.</summary>
internal static class RunDocument
{
    public static JsonObject Create(TriggeredRun run, string outcome, int exitCode, DateTimeOffset startedAt, string? message = null)
    {
        var (created, finished) = ServiceTimes(run);
        var document = new JsonObject
        {
            ["service"] = run.Service,
            ["id"] = run.Id,
            ["status"] = Status(run.Status),
            ["rawStatus"] = run.RawStatus,
            ["error"] = run.ErrorMessage,
            ["outcome"] = outcome,
            ["exitCode"] = exitCode,
            ["message"] = message,
            ["createdAt"] = Time(created),
            ["finishedAt"] = Time(finished),
            ["observedAt"] = Time(run.Current.ObservedAt),
            ["cliStartedAt"] = Time(startedAt),
        };
        switch (run)
        {
            case TrueFoundryJobRun tfy:
                document["applicationId"] = tfy.ApplicationId;
                break;
            case ShipyardFleetRun shipyard:
                document["orgId"] = shipyard.Ids.OrgId;
                document["projectId"] = shipyard.Ids.ProjectId;
                document["fleetId"] = shipyard.Ids.FleetId;
                break;
        }

        return document;
    }

    /// <summary>The common status as a lower-case word (queued, running, succeeded, failed, cancelled, unknown).</summary>
    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string? Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>What the service itself says about when the run was created and ended, where it says so.</summary>
    private static (DateTimeOffset? Created, DateTimeOffset? Finished) ServiceTimes(TriggeredRun run)
    {
        // A handle rehydrated by id holds a placeholder until its first read: its creation time is then unknown (default).
        return run switch
        {
            IngestJobRun job => (job.Value.CreatedAt == default ? null : job.Value.CreatedAt, job.Value.CompletedAt ?? job.Value.FailedAt),
            TrueFoundryJobRun tfy => (tfy.Value.CreatedAtUtc, tfy.Value.EndTimeUtc),
            _ => (null, null),
        };
    }
}
