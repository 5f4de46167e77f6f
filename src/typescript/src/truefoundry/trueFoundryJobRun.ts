import { UnsupportedOperationError } from "../core/errors/clientErrors.js";
import type { Clock } from "../core/http/clock.js";
import type { RunSnapshot, RunStatus } from "../core/runs/runStatus.js";
import { TriggeredRun } from "../core/runs/triggeredRun.js";
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

/** @internal What a run handle needs from `JobsClient`. */
export interface JobRunOperations {
  getRun(applicationId: string, name: string, signal: AbortSignal | undefined): Promise<JobRun>;
  terminateRun(deploymentId: string, name: string, signal: AbortSignal | undefined): Promise<void>;
}

/**
 * A TrueFoundry job run (`jobs.trigger` or `jobs.track`); `id` is the run name. Status is read under the job's
 * application id; `cancel()` terminates the run (needs its deployment id).
 */
export class TrueFoundryJobRun extends TriggeredRun {
  /** The job's application id (where run status is read); undefined for a run triggered by deployment id. */
  readonly applicationId: string | undefined;
  /** The deployment id, when known (from the trigger request or `track`). */
  readonly deploymentId: string | undefined;
  /** The trigger's message, when it gave one. */
  readonly message: string | undefined;
  #run: JobRun;
  readonly #ops: JobRunOperations;

  /** @internal Built by `JobsClient`. */
  constructor(run: JobRun, applicationId: string | undefined, deploymentId: string | undefined, message: string | undefined, ops: JobRunOperations, clock: Clock) {
    super("TrueFoundry", run.name, snapshot(run, clock.now()), clock);
    this.#run = run;
    this.applicationId = applicationId;
    this.deploymentId = deploymentId;
    this.message = message;
    this.#ops = ops;
  }

  /** The run as last read. */
  get run(): JobRun {
    return this.#run;
  }

  /**
   * Terminates the run (`POST /api/svc/v1/jobs/terminate`, safe to repeat, so retried).
   * @throws UnsupportedOperationError when the deployment id is not known (pass it to `jobs.track`); the call's errors (417 for a finished run).
   */
  override async cancel(options: { signal?: AbortSignal } = {}): Promise<void> {
    if (!this.deploymentId) {
      throw new UnsupportedOperationError(
        `TrueFoundry terminates a run by deployment id and run name; run '${this.id}' has no deployment id: ` +
          `use jobs.track(applicationId, "${this.id}", { deploymentId }) or jobs.terminateRun(deploymentId, "${this.id}").`,
        { service: this.service },
      );
    }
    await this.#ops.terminateRun(this.deploymentId, this.id, options.signal);
  }

  protected override async fetchStatus(signal: AbortSignal | undefined): Promise<RunSnapshot> {
    if (!this.applicationId) {
      throw new UnsupportedOperationError(
        `Run '${this.id}' was triggered by deployment id, and TrueFoundry reads run status under the job's application id: ` +
          `call jobs.track(applicationId, "${this.id}") to follow it.`,
        { service: this.service },
      );
    }
    const run = await this.#ops.getRun(this.applicationId, this.id, signal);
    this.#run = run;
    return snapshot(run, this.now());
  }
}

function snapshot(run: JobRun, observedAt: number): RunSnapshot {
  return { status: run.status === undefined ? "queued" : mapJobRunStatus(run.status), rawStatus: run.status, errorMessage: run.error, observedAt };
}
