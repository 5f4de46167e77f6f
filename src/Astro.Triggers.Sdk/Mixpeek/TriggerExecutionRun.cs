using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Http;
using Astro.Triggers.Sdk.Mixpeek.Generated;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>A manual execution of a Mixpeek trigger, followed through its task (<c>GET /v1/tasks/{task_id}</c>);
/// <see cref="TriggeredRun.CancelAsync"/> kills the task. Mapping (<see cref="Map"/>): PENDING → queued;
/// IN_PROGRESS, PROCESSING → running; COMPLETED → succeeded; COMPLETED_WITH_ERRORS, FAILED → failed; CANCELED,
/// SKIPPED → cancelled; anything else → unknown.</summary>
public class TriggerExecutionRun : TriggeredRun<TriggerTask>
{
    /// <summary>Creates a run handle.</summary>
    /// <param name="task">The task as last read.</param>
    /// <param name="read">Reads the task again, with the caller's per-call options; null for a handle that cannot be updated.</param>
    /// <param name="cancel">Kills the task; null for a handle that cannot.</param>
    /// <param name="timeProvider">The clock for polling waits.</param>
    protected internal TriggerExecutionRun(
        TriggerTask task, Func<CancellationToken, Task<TriggerTask>>? read, Func<TriggerTask, CancellationToken, Task>? cancel, TimeProvider? timeProvider)
        : base(MixpeekClient.ServiceName, Guard.NotNull(task).TaskId, task, Snapshot, read, cancel, null, timeProvider)
    {
    }

    internal TriggerExecutionRun(TriggerTask task, RunSource<TriggerTask> source, MixpeekRequestOptions? options, TimeProvider? timeProvider)
        : base(MixpeekClient.ServiceName, Guard.NotNull(task).TaskId, task, Snapshot, source, options, null, timeProvider)
    {
    }

    /// <summary>The trigger that started the task, when the handle knows it (its resume token names it).</summary>
    internal string? TriggerId { get; init; }

    /// <summary>The common status of a Mixpeek task status.</summary>
    /// <param name="status">The task status.</param>
    /// <returns>The common status.</returns>
    /// <remarks>The map is the document's (<c>x-astro-run-status</c> on <c>MixpeekTaskStatus</c> in openapi/mixpeek.yaml),
    /// generated.</remarks>
    public static RunStatus Map(MixpeekTaskStatus status) => MixpeekRunStatuses.FromMixpeekTaskStatus(status);

    // A task tracked by id only has no status yet: its raw status stays null until the first read.
    private static RunSnapshot Snapshot(TriggerTask task, DateTimeOffset observedAt) =>
        new(Map(task.Status), task.Status == MixpeekTaskStatus.Unknown ? null : WireName.Of(task.Status, MixpeekJsonContext.Default.MixpeekTaskStatus), task.Error, observedAt);
}
