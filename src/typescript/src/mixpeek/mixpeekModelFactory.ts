import { systemClock } from "../core/http/clock.js";
import { DetachedRun } from "../core/runs/detachedRun.js";
import { Guard } from "../core/guard.js";
import type { TriggerTask } from "./models.js";
import { TriggerExecutionRun } from "./triggerExecutionRun.js";

/**
 * Builds Mixpeek results for your own unit tests (as C#'s `MixpeekModelFactory`), e.g. what a mocked
 * `ExecutionsClient` returns. Triggers, tasks and executions are plain objects you write directly; this covers the
 * run handle.
 */
export const MixpeekModelFactory = Object.freeze({
  /**
   * A run handle over a task in a given state, without a client: its `status` and `value` come from `task` (mapping
   * in `mapTaskStatus`). For a completed, failed or cancelled task `waitForCompletion()` returns at once (failed and
   * cancelled throw `RunFailedError`, as from a client, unless `throwOnFailure` is false); for any other state it
   * throws `UnsupportedOperationError`, because there is no client to read the status with. `canCancel` is true, as on
   * a real Mixpeek run, and `cancel()` throws `UnsupportedOperationError` for the same reason.
   * @param task - the task; its `task_id` is the run's id.
   * @throws InvalidArgumentError when the task id is blank.
   */
  triggerExecutionRun(task: TriggerTask): TriggerExecutionRun {
    const id = Guard.notBlank(task?.task_id, "task.task_id");
    const factory = "MixpeekModelFactory";
    const run: TriggerExecutionRun = new TriggerExecutionRun(
      id, task, DetachedRun.read("Mixpeek", factory, id, task, () => run), DetachedRun.cancel("Mixpeek", factory, id), systemClock);
    return run;
  },
});
