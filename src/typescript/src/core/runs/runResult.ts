import type { RunStatus } from "./runStatus.js";
import type { TriggeredRun } from "./triggeredRun.js";

/**
 * How one run of a {@link RunGroup} ended for the group (as .NET's `RunResult<TRun>`): the run in its final observed
 * state and, unless it succeeded, why not: the error a single `waitForCompletion()` would have thrown for it
 * (RunFailedError, RunCancelledError, RunWaitTimeoutError, or a status read's error — the group then stopped following
 * it). A group never throws one run's failure at the caller of the whole wait.
 */
export class RunResult<R extends TriggeredRun<any> = TriggeredRun<any>> {
  /** The run, in its final observed state. */
  readonly run: R;
  /** Why the run did not succeed; undefined when it did. */
  readonly error: Error | undefined;
  /** When the group saw the run end (or stopped following it), Unix ms on the group's clock. */
  readonly noticedAt: number;

  /** @param run - the run. @param error - why it did not succeed. @param noticedAt - Unix ms. (The group makes them; public for tests.) */
  constructor(run: R, error: Error | undefined, noticedAt: number) {
    this.run = run;
    this.error = error;
    this.noticedAt = noticedAt;
  }

  /** The run's common status as last observed (a non-terminal one when the group stopped following it). */
  get status(): RunStatus { return this.run.status; }
  /** True when the run ended succeeded (then `error` is undefined). */
  get succeeded(): boolean { return this.error === undefined; }

  /** The run when it succeeded; otherwise throws `error`, as a single wait would have. */
  getRunOrThrow(): R {
    if (this.error !== undefined) throw this.error;
    return this.run;
  }

  /** The run, and the error's name and message when it did not succeed. */
  toString(): string {
    return this.error === undefined ? this.run.toString() : `${this.run.toString()} — ${this.error.name}: ${this.error.message}`;
  }
}
