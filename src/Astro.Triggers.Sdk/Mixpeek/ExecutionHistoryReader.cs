using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Paging;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Reads many executions' statuses through their trigger's execution history (<see cref="ExecutionsClient.ListAsync"/>),
/// 100 a page, newest first. A history row names the task's status but not the task itself (outputs, error), so a row
/// whose status differs from the run's last one sends that run to a read of its own; an unchanged row counts as read.
/// Scope: the trigger and namespace (a task tracked by id alone has no trigger and is read on its own).</summary>
internal sealed class ExecutionHistoryReader(ExecutionsClient client) : RunListReader<TriggerTask, TriggerExecution>
{
    protected override object? Scope(TriggeredRun<TriggerTask> run) =>
        ((TriggerExecutionRun)run).TriggerId is { } trigger ? (trigger, (run.SourceState as MixpeekRequestOptions)?.Namespace) : null;

    protected override AsyncPageable<TriggerExecution> List(TriggeredRun<TriggerTask> sample, CancellationToken cancellationToken) =>
        client.ListAsync(
            ((TriggerExecutionRun)sample).TriggerId!, new TriggerHistoryOptions { PageSize = PageSize }, sample.SourceState as MixpeekRequestOptions, cancellationToken);

    protected override string? IdOf(TriggerExecution item) => item.TaskId;

    protected override bool Apply(TriggeredRun<TriggerTask> run, TriggerExecution item) =>
        string.Equals(item.Status, run.RawStatus, StringComparison.OrdinalIgnoreCase);
}
