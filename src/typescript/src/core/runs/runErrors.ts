import { AstroTriggersError } from "../errors/astroTriggersError.js";
import type { RunSnapshot } from "./runStatus.js";

/**
 * A run ended `failed` or `cancelled` while `waitForCompletion` waited (with `throwOnFailure`, the default).
 * `mayHaveBeenProcessed` is true (as C#'s RunFailedException): the run was started and ran.
 */
export class RunFailedError extends AstroTriggersError {
  /** The run's id. */
  readonly runId: string;
  /** The last snapshot: status, the service's word and error text. */
  readonly snapshot: RunSnapshot;
  constructor(service: string, runId: string, snapshot: RunSnapshot) {
    super(
      `${service} run ${runId} ended ${snapshot.status} (${snapshot.rawStatus ?? "no status"})` +
        (snapshot.errorMessage ? `: ${snapshot.errorMessage}` : "."),
      { service, mayHaveBeenProcessed: true },
    );
    this.runId = runId;
    this.snapshot = snapshot;
  }
}

/**
 * `waitForCompletion` ran out of its `timeout`; the run itself was not stopped. `mayHaveBeenProcessed` is true (as
 * C#'s RunWaitTimeoutException): the run was started and may still be running.
 */
export class RunWaitTimeoutError extends AstroTriggersError {
  /** The run's id. */
  readonly runId: string;
  /** The wait's timeout in ms. */
  readonly timeout: number;
  /** How many status reads were made. */
  readonly polls: number;
  /** The last snapshot. */
  readonly snapshot: RunSnapshot;
  constructor(service: string, runId: string, timeout: number, polls: number, snapshot: RunSnapshot) {
    super(`${service} run ${runId} was still ${snapshot.status} after ${timeout} ms (${polls} status reads); the run was not stopped.`, { service, mayHaveBeenProcessed: true });
    this.runId = runId;
    this.timeout = timeout;
    this.polls = polls;
    this.snapshot = snapshot;
  }
}
