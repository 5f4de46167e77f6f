import type { Clock } from "../core/http/clock.js";
import type { RunSnapshot, RunStatus } from "../core/runs/runStatus.js";
import { type RunSource, TriggeredRun } from "../core/runs/triggeredRun.js";
import type { JobRun } from "./models.js";

const MAP: Readonly<Record<string, RunStatus>> = {
  CREATED: "queued",
  SCHEDULED: "queued",
  RUNNING: "running",
  FINISHED: "succeeded",
  FAILED: "failed",
  TERMINATION_REQUESTED: "cancelled",
  TERMINATING: "cancelled",
  TERMINATED: "cancelled",
  UNKNOWN: "unknown",
};

/** TrueFoundry's status → the common model (README table); a word the SDK does not know is `unknown`. */
export function mapJobRunStatus(status: string | undefined): RunStatus {
  return (status !== undefined && Object.hasOwn(MAP, status) ? MAP[status] : undefined) ?? "unknown";
}

/**
 * A TrueFoundry job run (`jobRuns.start` or `jobRuns.track`); `id` is the run name, `value` the {@link JobRun} as last
 * read. Status is read under the job's application id; `cancel()` terminates the run (by its deployment id, read
 * from the run when not known yet).
 */
export class TrueFoundryJobRun extends TriggeredRun<JobRun> {
  /** The job's application id (where run status is read); undefined for a run started by deployment id. */
  readonly applicationId: string | undefined;
  /** The start's message, when it gave one. */
  readonly message: string | undefined;

  /** @internal Built by `JobRunsClient`. */
  constructor(run: JobRun, applicationId: string | undefined, message: string | undefined, source: Pick<RunSource<JobRun>, "read" | "cancel">, clock: Clock) {
    super("TrueFoundry", run.name, run, { ...source, snapshot, canRead: applicationId !== undefined }, clock);
    this.applicationId = applicationId;
    this.message = message;
  }

  /** The run's deployment id, when known (from the start request, `track`, or a status read). */
  get deploymentId(): string | undefined {
    return this.value.deploymentId;
  }
}

function snapshot(run: JobRun): Omit<RunSnapshot, "observedAt"> {
  return { status: run.status === undefined ? "queued" : mapJobRunStatus(run.status), rawStatus: run.status, errorMessage: run.error };
}
