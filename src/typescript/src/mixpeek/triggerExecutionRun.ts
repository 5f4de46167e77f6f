import type { Clock } from "../core/http/clock.js";
import type { RunSnapshot, RunStatus } from "../core/runs/runStatus.js";
import { TriggeredRun } from "../core/runs/triggeredRun.js";
import type { TriggerTask } from "./models.js";

const MAP: Readonly<Record<string, RunStatus>> = {
  PENDING: "queued",
  IN_PROGRESS: "running",
  PROCESSING: "running",
  COMPLETED: "succeeded",
  COMPLETED_WITH_ERRORS: "failed",
  FAILED: "failed",
  CANCELED: "cancelled",
  SKIPPED: "cancelled",
};

/**
 * Mixpeek's task status → the common model (README table): PENDING → queued; IN_PROGRESS, PROCESSING → running;
 * COMPLETED → succeeded; COMPLETED_WITH_ERRORS, FAILED → failed; CANCELED, SKIPPED → cancelled; anything else → unknown.
 */
export function mapTaskStatus(status: string | undefined): RunStatus {
  return (status !== undefined && Object.hasOwn(MAP, status) ? MAP[status] : undefined) ?? "unknown";
}

/**
 * A manual execution of a Mixpeek trigger (`executions.start` or `executions.track`), followed through its task
 * (`GET /v1/tasks/{task_id}`); `id` is the task id, `value` the {@link TriggerTask} as last read (undefined for a
 * handle made from an id until its first read). `cancel()` kills the task (`DELETE /v1/tasks/{task_id}`).
 */
export class TriggerExecutionRun extends TriggeredRun<TriggerTask | undefined> {
  /** @internal Built by `ExecutionsClient`. */
  constructor(
    taskId: string,
    task: TriggerTask | undefined,
    read: (signal: AbortSignal | undefined) => Promise<TriggerTask>,
    cancel: (signal: AbortSignal | undefined) => Promise<void>,
    clock: Clock,
  ) {
    super("Mixpeek", taskId, task, { read, snapshot, cancel: (_task, signal) => cancel(signal) }, clock);
  }
}

function snapshot(task: TriggerTask | undefined): Omit<RunSnapshot, "observedAt"> {
  if (task === undefined) return { status: "unknown", rawStatus: undefined, errorMessage: undefined };
  return { status: mapTaskStatus(task.status), rawStatus: task.status, errorMessage: task.error ?? undefined };
}
