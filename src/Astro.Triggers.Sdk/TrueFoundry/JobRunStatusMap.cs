using Astro.Triggers.Sdk.TrueFoundry.Generated;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>TrueFoundry run statuses in the common model.</summary>
public static class JobRunStatusMap
{
    /// <summary>CREATED, SCHEDULED → queued; RUNNING → running; FINISHED → succeeded; FAILED → failed;
    /// TERMINATION_REQUESTED, TERMINATING, TERMINATED → cancelled; UNKNOWN → unknown.</summary>
    /// <param name="status">The TrueFoundry status.</param>
    /// <returns>The common status.</returns>
    /// <remarks>The map is the document's (<c>x-astro-run-status</c> on <c>JobRunStatus</c> in openapi/truefoundry.yaml),
    /// generated; null is unknown.</remarks>
    public static RunStatus ToRunStatus(JobRunStatus? status) =>
        status is { } value ? TrueFoundryRunStatuses.FromJobRunStatus(value) : RunStatus.Unknown;

    /// <summary>The wire spelling of a status (FINISHED, TERMINATION_REQUESTED…).</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its wire name, or null.</returns>
    public static string? WireName(JobRunStatus? status) =>
        status is { } value ? Core.Http.WireName.Of(value, TrueFoundryJsonContext.Default.JobRunStatus) : null;
}
