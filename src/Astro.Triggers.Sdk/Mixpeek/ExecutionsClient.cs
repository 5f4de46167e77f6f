using Astro.Triggers.Sdk.Core;
using Astro.Triggers.Sdk.Core.Paging;
using Astro.Triggers.Sdk.Mixpeek.Generated;

namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>Mixpeek trigger executions: start one now (a manual run, outside the schedule), follow it as a run
/// (<c>GET /v1/tasks/{task_id}</c>), cancel it (<c>DELETE /v1/tasks/{task_id}</c>), list a trigger's past executions.
/// Members are virtual so tests can mock them.</summary>
public partial class ExecutionsClient
{
    private readonly MixpeekOperations _operations = null!;
    private readonly MixpeekClientOptions _options = null!;
    private readonly RunSource<TriggerTask> _runs = null!;
    private readonly Func<TriggeredRun, string?> _resumeToken = null!;

    /// <summary>For mocking.</summary>
    protected ExecutionsClient()
    {
    }

    internal ExecutionsClient(MixpeekOperations operations, MixpeekClientOptions options)
    {
        _operations = operations;
        _options = options;
        _runs = new RunSource<TriggerTask>(
            (run, ct) => GetAsync(run.Id, (MixpeekRequestOptions?)run.SourceState, ct),
            (run, ct) => CancelAsync(run.Id, (MixpeekRequestOptions?)run.SourceState, ct)) { Lister = new ExecutionHistoryReader(this) };
        _resumeToken = ResumeTokenOf;
    }

    /// <summary>Runs the trigger's action now, outside its schedule (Mixpeek's "execute"), and returns the run to follow.
    /// Not idempotent: each call starts a task, so an ambiguous failure is thrown with <c>MayHaveBeenProcessed</c> and
    /// never repeated by the SDK. Mixpeek refuses to execute a paused trigger (400): resume it first.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="options">Per-call namespace, retry and timeout; every status read and the cancel use them too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run of the task that does the work; call <c>WaitForCompletionAsync</c> on it.</returns>
    /// <exception cref="ArgumentException">The id or namespace breaks its rule.</exception>
    /// <exception cref="BadRequestException">The trigger is paused, or Mixpeek refused the call otherwise.</exception>
    /// <exception cref="AstroTriggersException">The call failed (see README, "Errors").</exception>
    public virtual async Task<TriggerExecutionRun> StartAsync(
        string triggerId, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(triggerId);
        var task = await _operations.ExecuteTriggerAsync(triggerId, Namespace(options), options, cancellationToken).ConfigureAwait(false);
        WireRunId.Required(task?.TaskId, MixpeekOperations.ExecuteTriggerOperation, 200, "task_id");
        return Handle(task!, options, triggerId);
    }

    /// <summary>Reads a task (the work one execution does).</summary>
    /// <param name="taskId">The task's id (<c>TriggerExecutionRun.Id</c>, or <c>TriggerExecution.TaskId</c> in the history).</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task.</returns>
    /// <exception cref="ArgumentException">The id or namespace breaks its rule.</exception>
    /// <exception cref="NotFoundException">No such task in the namespace.</exception>
    /// <exception cref="AstroTriggersException">The call failed (see README, "Errors").</exception>
    public virtual async Task<TriggerTask> GetAsync(
        string taskId, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(taskId);
        return await _operations.GetTaskAsync(taskId, Namespace(options), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills a task that has not finished (Mixpeek's "delete task"). Safe to repeat, so it is retried like a read.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Cancels the call (not the task).</param>
    /// <returns>A task that completes when Mixpeek accepted the request.</returns>
    /// <exception cref="ArgumentException">The id or namespace breaks its rule.</exception>
    /// <exception cref="AstroTriggersException">The call failed (see README, "Errors").</exception>
    public virtual async Task CancelAsync(
        string taskId, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(taskId);
        await _operations.CancelTaskAsync(taskId, Namespace(options), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Follows a task by id, e.g. one a previous CI step started (rehydration): no request is sent until its
    /// status is read.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <param name="options">Per-call namespace, retry and timeout for every status read and the cancel.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">The id is empty, ".", "..", or holds a control character.</exception>
    public virtual TriggerExecutionRun Track(string taskId, MixpeekRequestOptions? options = null)
    {
        Guard.PathSegment(taskId);
        return Handle(new TriggerTask { TaskId = taskId, Status = MixpeekTaskStatus.Unknown }, options);
    }

    /// <summary>The trigger's past executions (its history), fetched lazily one offset page at a time.</summary>
    /// <param name="triggerId">The trigger's id.</param>
    /// <param name="filter">Page size and start offset.</param>
    /// <param name="options">Per-call namespace, retry and timeout.</param>
    /// <param name="cancellationToken">Stops the enumeration, also mid-page.</param>
    /// <returns>The pageable executions, in the service's order (newest first).</returns>
    /// <exception cref="ArgumentException">The id, namespace or page size breaks its rule.</exception>
    /// <exception cref="AstroTriggersException">The call failed: the service refused it (a <see cref="ServiceRequestException"/> subclass per status), no usable answer came (<see cref="ServiceTransportException"/>, <see cref="ServiceTimeoutException"/>) or the answer could not be read (<see cref="ResponseDeserializationException"/>); see README, "Errors".</exception>
    public virtual AsyncPageable<TriggerExecution> ListAsync(
        string triggerId, TriggerHistoryOptions? filter = null, MixpeekRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(triggerId);
        filter ??= new TriggerHistoryOptions();
        var ns = Namespace(options);
        return OffsetPaging.Create(
            async (offset, limit, ct) =>
            {
                var history = await _operations.GetTriggerHistoryAsync(triggerId, ns, offset, limit, options, ct).ConfigureAwait(false);
                return new OffsetPaging.Slice<TriggerExecution>(history.Executions.AsReadOnly(), history.Total, history.Offset, history.Limit);
            },
            filter.StartOffset,
            filter.PageSize,
            defaultPageSize: 50,
            maxPageSize: 1000,
            nameof(filter),
            cancellationToken,
            MixpeekOperations.GetTriggerHistoryOperation,
            _options.LoggerFactory,
            execution => execution.TaskId);
    }

    // One status source for every handle; the caller's per-call options travel with each run.
    private TriggerExecutionRun Handle(TriggerTask task, MixpeekRequestOptions? options, string? triggerId = null) =>
        new(task, _runs, options, _options.TimeProvider) { ResumeTokenWriter = _resumeToken, TriggerId = triggerId };

    /// <summary>A run resumed from a token keeps the trigger id it names, so its token is the one it came from.</summary>
    internal TriggerExecutionRun Resumed(string taskId, string? triggerId, MixpeekRequestOptions options)
    {
        Guard.PathSegment(taskId);
        return Handle(new TriggerTask { TaskId = taskId, Status = MixpeekTaskStatus.Unknown }, options, triggerId);
    }

    private string? ResumeTokenOf(TriggeredRun run)
    {
        var options = (MixpeekRequestOptions?)((TriggerExecutionRun)run).SourceState;
        return ResumeTokens.TryEncode(
            ResumeTokens.Mixpeek, ("ns", options?.Namespace ?? _options.Namespace), ("trigger", ((TriggerExecutionRun)run).TriggerId), ("run", run.Id));
    }

    private string Namespace(MixpeekRequestOptions? options) => MixpeekScope.Namespace(_options, options);
}
