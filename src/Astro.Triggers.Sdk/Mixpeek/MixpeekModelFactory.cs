using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Builds Mixpeek results for your own unit tests, e.g. what a substituted <see cref="ExecutionsClient"/>
/// returns. Triggers, tasks and executions have public setters or initializers and are built directly; this factory
/// covers the run handle, which only the SDK can construct.</summary>
public static class MixpeekModelFactory
{
    /// <summary>A run handle over a task in a given state, without a client. Its status and
    /// <see cref="TriggeredRun{T}.Value"/> come from <paramref name="task"/> (mapping in
    /// <see cref="Mixpeek.TriggerExecutionRun.Map"/>): for a completed, failed or cancelled task
    /// <c>WaitForCompletionAsync</c> returns at once (failed and cancelled throw <see cref="RunFailedException"/>, as
    /// from a client, unless <see cref="RunWaitOptions.ThrowOnFailure"/> is off); for any other state it throws
    /// <see cref="InvalidOperationException"/>, because there is no client to read the status with.
    /// <see cref="TriggeredRun.CanCancel"/> is true, as on a real Mixpeek run, and <see cref="TriggeredRun.CancelAsync"/>
    /// throws <see cref="InvalidOperationException"/> for the same reason.</summary>
    /// <param name="task">The task; its <see cref="TriggerTask.TaskId"/> is the run's id.</param>
    /// <returns>The run handle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    /// <exception cref="ArgumentException">The task id is empty.</exception>
    public static TriggerExecutionRun TriggerExecutionRun(TriggerTask task)
    {
        Guard.NotNull(task);
        const string Factory = nameof(MixpeekModelFactory);
        return new TriggerExecutionRun(
            task,
            DetachedRun.NoRead<TriggerTask>(MixpeekClient.ServiceName, Factory, task.TaskId),
            DetachedRun.NoCancel<TriggerTask>(MixpeekClient.ServiceName, Factory, task.TaskId),
            timeProvider: null);
    }
}
