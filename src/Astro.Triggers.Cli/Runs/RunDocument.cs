using System.Globalization;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Shipyard;
using Astro.Triggers.Sdk.TrueFoundry;

namespace Astro.Triggers.Cli.Runs;

/// <summary>The JSON shape of a run (document "run" of schema/astro-triggers.schema.json), the same for every service:
/// id, common status, the service's own status and error text, how the CLI's wait ended (<c>outcome</c>), the CLI's exit
/// code, the service's timestamps and when the CLI began following; plus the ids needed to follow it later.</summary>
internal static class RunDocument
{
    /// <summary>The statuses common to every service (RunStatus as lower-case words).</summary>
    public static readonly string[] Statuses = ["queued", "running", "succeeded", "failed", "cancelled", "unknown"];

    public static JsonObject Create(TriggeredRun run, string outcome, int exitCode, DateTimeOffset? waitStartedAt, string? message = null, JsonObject? error = null)
    {
        var (created, finished) = ServiceTimes(run);
        error ??= exitCode == ExitCodes.Succeeded ? null : Documents.ErrorObject(ErrorKind(outcome), message ?? run.ErrorMessage ?? $"the run ended {outcome}");
        var document = Documents.Envelope(Documents.Run, run.Service, exitCode, error);
        Documents.Merge(document, new JsonObject
        {
            ["id"] = run.Id,
            ["status"] = Status(run.Status),
            ["rawStatus"] = run.RawStatus,
            ["serviceError"] = run.ErrorMessage,
            ["outcome"] = outcome,
            ["message"] = message,
            ["hasStatusSource"] = true,
            ["createdAt"] = Time(created),
            ["finishedAt"] = Time(finished),
            ["observedAt"] = Time(run.Current.ObservedAt),
            ["waitStartedAt"] = Time(waitStartedAt),
            ["resumeToken"] = run.ResumeToken,
        });
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

    /// <summary>The error kind of a run that did not succeed.</summary>
    private static string ErrorKind(string outcome) => outcome switch
    {
        "failed" => "run-failed",
        "cancelled" => "run-cancelled",
        "timed-out" => "timed-out",
        "interrupted" => "interrupted",
        _ => outcome,
    };

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
