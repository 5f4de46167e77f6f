import { withResumeToken } from "../core/runs/triggeredRun.js";
import { LIST_PAGE_SIZE, withListReading } from "../core/runs/runListReader.js";
import type { operations as Operations } from "../generated/mixpeek.js";
import { dateTimeFields, operations } from "../generated/mixpeek.wire.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/wireOperation.js";
import { normalizeUtcTimestamps } from "../core/json/utcTimestamps.js";
import type { AsyncPageable } from "../core/paging/asyncPageable.js";
import { offsetPageable } from "../core/paging/offsetPaging.js";
import type { ServiceCore } from "../core/serviceCore.js";
import type { MixpeekClientOptions, MixpeekRequestOptions, TriggerExecution, TriggerHistoryOptions, TriggerTask } from "./models.js";
import { resolveNamespace } from "./namespaceRule.js";
import { TriggerExecutionRun } from "./triggerExecutionRun.js";
import { wireRunId } from "../core/runs/wireRunId.js";
import { mixpeekPageSizes } from "./pageSizes.js";

const ops = operationTable("Mixpeek", operations);
const isTask = (d: any) => isRecord(d);

/**
 * Mixpeek trigger executions: start one now (a manual run, outside the schedule), follow it as a run
 * (`GET /v1/tasks/{task_id}`), cancel it (`DELETE /v1/tasks/{task_id}`), list a trigger's past executions. Same
 * vocabulary as the .NET `ExecutionsClient`.
 */
export class ExecutionsClient {
  readonly #core: ServiceCore<Operations>;
  readonly #options: MixpeekClientOptions;

  /** @internal Built by `MixpeekClient`. */
  constructor(core: ServiceCore<Operations>, options: MixpeekClientOptions) {
    this.#core = core;
    this.#options = options;
  }

  /**
   * Runs the trigger's action now, outside its schedule (`POST /v1/triggers/{trigger_id}/execute`), and returns the
   * run to follow. Not idempotent: each call starts a task, so an ambiguous failure is thrown with
   * `mayHaveBeenProcessed` and never repeated. Mixpeek refuses to execute a paused trigger (400): resume it first.
   * @param options - per-call namespace, retry, timeout and signal; every status read and the cancel use them too.
   * @throws InvalidArgumentError; BadRequestError (a paused trigger); NotFoundError; the call's errors.
   */
  async start(triggerId: string, options?: MixpeekRequestOptions): Promise<TriggerExecutionRun> {
    Guard.pathSegment(triggerId, "triggerId");
    const op = ops.executeTrigger;
    const ns = resolveNamespace(this.#options, options);
    const { data, status } = await this.#core.send(op, { path: { trigger_id: triggerId }, header: { "X-Namespace": ns } }, options);
    const task = expectBody<TriggerTask>(op, status, data, isTask, "a task");
    return this.#handle(wireRunId(task.task_id, op, status, "task_id"), task, options, triggerId);
  }

  /**
   * Reads a task, the work one execution does (`GET /v1/tasks/{task_id}`).
   * @param taskId - the task's id (`run.id`, or `TriggerExecution.task_id` in the history).
   * @throws InvalidArgumentError, NotFoundError, the call's errors.
   */
  async get(taskId: string, options?: MixpeekRequestOptions): Promise<TriggerTask> {
    Guard.pathSegment(taskId, "taskId");
    const op = ops.getTask;
    const ns = resolveNamespace(this.#options, options);
    const { data, status } = await this.#core.send(op, { path: { task_id: taskId }, header: { "X-Namespace": ns } }, options);
    return expectBody<TriggerTask>(op, status, data, isTask, "a task");
  }

  /**
   * Kills a task that has not finished (`DELETE /v1/tasks/{task_id}`, Mixpeek's "delete task"). Safe to repeat
   * (`x-astro-idempotent`), so retried like a read; a finished task is left as it is.
   * @throws InvalidArgumentError, NotFoundError, the call's errors.
   */
  async cancel(taskId: string, options?: MixpeekRequestOptions): Promise<void> {
    Guard.pathSegment(taskId, "taskId");
    const ns = resolveNamespace(this.#options, options);
    await this.#core.send(ops.cancelTask, { path: { task_id: taskId }, header: { "X-Namespace": ns } }, { ...options, discardBody: true });
  }

  /**
   * Follows a task by id, e.g. one a previous CI step started (rehydration); nothing is sent until its status is read.
   * @throws InvalidArgumentError for a blank id, a `.`/`..` segment or a bad namespace.
   */
  track(taskId: string, options?: MixpeekRequestOptions): TriggerExecutionRun {
    Guard.pathSegment(taskId, "taskId");
    resolveNamespace(this.#options, options);
    return this.#handle(taskId, undefined, options);
  }

  /** @internal A resumed run keeps its trigger id, so its token is the one it was resumed from. */
  resumed(taskId: string, triggerId: string | undefined, options: MixpeekRequestOptions): TriggerExecutionRun {
    Guard.pathSegment(taskId, "taskId");
    resolveNamespace(this.#options, options);
    return this.#handle(taskId, undefined, options, triggerId);
  }

  /**
   * The trigger's past executions (its history), newest first, by offset pages (`GET /v1/triggers/{trigger_id}/history?offset=&limit=`).
   * @throws InvalidArgumentError (id, namespace, page size outside 1–1000) before sending; the call's errors while iterating.
   */
  list(triggerId: string, filter: TriggerHistoryOptions = {}, options?: MixpeekRequestOptions): AsyncPageable<TriggerExecution> {
    Guard.pathSegment(triggerId, "triggerId");
    const ns = resolveNamespace(this.#options, options);
    const op = ops.getTriggerHistory;
    return offsetPageable<TriggerExecution>(
      async (offset, limit, signal) => {
        const { data, status } = await this.#core.send(op, { path: { trigger_id: triggerId }, query: { offset, limit }, header: { "X-Namespace": ns } }, { ...options, signal });
        const history = expectBody<{ executions: TriggerExecution[]; total?: number; offset?: number; limit?: number }>(op, status, data, (d) => isRecord(d) && Array.isArray(d.executions), "a trigger history");
        return { items: normalizeUtcTimestamps(history.executions, dateTimeFields), total: history.total, offset: history.offset, limit: history.limit };
      },
      {
        startOffset: filter.startOffset ?? 0,
        pageSize: filter.pageSize,
        ...mixpeekPageSizes,
        argument: "filter",
        signal: options?.signal,
        operation: op,
        key: (execution) => execution.task_id,
      },
    );
  }

  #handle(taskId: string, task: TriggerTask | undefined, options: MixpeekRequestOptions | undefined, triggerId?: string): TriggerExecutionRun {
    const { signal: _ignored, ...perCall } = options ?? {};
    const run = new TriggerExecutionRun(
      taskId,
      task,
      (signal) => this.get(taskId, { ...perCall, signal }),
      (signal) => this.cancel(taskId, { ...perCall, signal }),
      this.#core.clock,
    );
    withResumeToken(run, () => ({ service: "mixpeek", ns: resolveNamespace(this.#options, perCall), trigger: triggerId, run: taskId }));
    if (triggerId === undefined) return run;
    // A run group reads the trigger's history; a row names the task's status, not the task, so a changed row sends the
    // run to a read of its own and an unchanged one counts as read (scope: trigger and namespace).
    return withListReading(run, {
      owner: this,
      scope: `${triggerId}\u0000${perCall.namespace ?? ""}`,
      list: (signal) => this.list(triggerId, { pageSize: LIST_PAGE_SIZE }, { ...perCall, signal }),
      idOf: (item) => item.task_id,
      apply: (target, item) => item.status !== undefined && item.status !== null && target.rawStatus !== undefined && item.status.toLowerCase() === target.rawStatus.toLowerCase(),
    });
  }
}
