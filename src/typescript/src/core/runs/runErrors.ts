import { AstroTriggersError } from "../errors/astroTriggersError.js";
import { redactText } from "../security/redactor.js";
import type { RunStatus } from "./runStatus.js";
import type { TriggeredRun } from "./triggeredRun.js";

/**
 * A run ended `failed` or `cancelled` while `waitForCompletion` waited (with `throwOnFailure`, the default); a
 * cancelled run is thrown as the subclass {@link RunCancelledError}. As C#'s RunFailedException: `run` is the handle
 * in its final state (read it, track it), `finalStatus`, `rawStatus` and `serviceError` its last snapshot;
 * `mayHaveBeenProcessed` is true (the run was started and ran), `status` 0 (every status read succeeded).
 * @typeParam T - the run's service object (`unknown` where the error is caught without knowing the service).
 */
export class RunFailedError<T = unknown> extends AstroTriggersError {
  /** The run, in its final state. */
  readonly run: TriggeredRun<T>;
  /** The final common status: `failed` or `cancelled`. */
  readonly finalStatus: RunStatus;
  /** The service's own final status word. */
  readonly rawStatus: string | undefined;
  /** The service's error text, when it gave one (`Bearer` tokens masked). */
  readonly serviceError: string | undefined;
  /** @param run - the run, in its final (failed or cancelled) state. */
  constructor(run: TriggeredRun<T>) {
    // A service may send null for "no error text" (TrueFoundry); only a string is text.
    const text: unknown = run.errorMessage;
    const serviceError = typeof text === "string" ? redactText(text) : undefined;
    super(
      `${run.service} run '${run.id}' ${run.status === "cancelled" ? "was cancelled" : `ended ${run.status}`} (service status '${run.rawStatus ?? ""}')` +
        (serviceError ? `: ${serviceError}` : "."),
      { service: run.service, mayHaveBeenProcessed: true },
    );
    this.run = run;
    this.finalStatus = run.status;
    this.rawStatus = run.rawStatus ?? undefined;
    this.serviceError = serviceError;
  }
}

/**
 * A run the SDK waited on ended `cancelled`: stopped by `cancel()`, by someone else, or by the service (TrueFoundry
 * TERMINATED, Mixpeek CANCELED or SKIPPED, Agentset CANCELLED, Shipyard Cancelled). A {@link RunFailedError}, so code
 * that catches that still catches this; catch this first to tell a cancellation from a failure (as C#'s
 * RunCancelledException).
 */
export class RunCancelledError<T = unknown> extends RunFailedError<T> {}

/**
 * `waitForCompletion` ran out of its `timeout`; the run itself was not stopped. As C#'s RunWaitTimeoutException: `run`
 * is the handle with the last status seen (keep waiting on it, cancel it); `mayHaveBeenProcessed` is true (the run was
 * started and may still be running).
 */
export class RunWaitTimeoutError<T = unknown> extends AstroTriggersError {
  /** The run, with the last status seen. */
  readonly run: TriggeredRun<T>;
  /** The wait's timeout in ms. */
  readonly timeout: number;
  /** How many status reads were made. */
  readonly polls: number;
  /** @param run - the run, with the last status seen. @param timeout - the wait's, in ms. @param polls - status reads made. */
  constructor(run: TriggeredRun<T>, timeout: number, polls: number) {
    super(
      `${run.service} run '${run.id}' was still ${run.status} (service status '${run.rawStatus ?? ""}') after ${timeout} ms and ${polls} status read${polls === 1 ? "" : "s"}; it was not stopped.`,
      { service: run.service, mayHaveBeenProcessed: true },
    );
    this.run = run;
    this.timeout = timeout;
    this.polls = polls;
  }
}
