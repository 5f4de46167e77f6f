import { systemClock } from "../core/http/clock.js";
import { DetachedRun } from "../core/runs/detachedRun.js";
import { Guard } from "../core/guard.js";
import type { JobRun, JobRunStatus } from "./models.js";
import { TrueFoundryJobRun } from "./trueFoundryJobRun.js";

/**
 * Builds TrueFoundry results for your own unit tests (as C#'s `TrueFoundryModelFactory`), e.g. what a mocked
 * `JobRunsClient` returns: a job run with its instants given as instants (the wire sends epoch milliseconds), and
 * the run handle, which only the SDK can build.
 */
export const TrueFoundryModelFactory = Object.freeze({
  /**
   * A job run as TrueFoundry reports it.
   * @param name - the run's name (its id in every call).
   * @param fields - `status`, `applicationId`, `deploymentId`, `error`, `exitCode` as reported; `createdAt` and
   * `endTime` as `Date`s, stored as epoch milliseconds as sent (with `duration` in ms when both are given). Each
   * defaults to absent.
   * @throws InvalidArgumentError when `name` is blank.
   */
  jobRun(
    name: string,
    fields: {
      status?: JobRunStatus;
      applicationId?: string;
      deploymentId?: string;
      createdAt?: Date;
      endTime?: Date;
      error?: string;
      exitCode?: number;
    } = {},
  ): JobRun {
    const run: JobRun = { name: Guard.notBlank(name, "name") };
    if (fields.status !== undefined) run.status = fields.status;
    if (fields.applicationId !== undefined) run.applicationId = fields.applicationId;
    if (fields.deploymentId !== undefined) run.deploymentId = fields.deploymentId;
    if (fields.createdAt !== undefined) run.createdAt = fields.createdAt.getTime();
    if (fields.endTime !== undefined) run.endTime = fields.endTime.getTime();
    if (fields.createdAt !== undefined && fields.endTime !== undefined) run.duration = fields.endTime.getTime() - fields.createdAt.getTime();
    if (fields.error !== undefined) run.error = fields.error;
    if (fields.exitCode !== undefined) run.exitCode = fields.exitCode;
    return run;
  },

  /**
   * A run handle over a job run in a given state, without a client: its `status` and `value` come from `run`. For a
   * finished, failed or terminated run `waitForCompletion()` returns at once (failed and terminated throw
   * `RunFailedError`, as from a client, unless `throwOnFailure` is false); for any other state it throws
   * `UnsupportedOperationError`, because there is no client to read the status with. `canCancel` is true, as on a
   * real TrueFoundry run, and `cancel()` throws `UnsupportedOperationError` for the same reason.
   * @param run - the run; its `name` is the handle's id.
   * @param applicationId - the application id the handle reports; default the run's own.
   * @param message - the trigger's message the handle reports; default none.
   * @throws InvalidArgumentError when the run's name is blank.
   */
  trueFoundryJobRun(run: JobRun, applicationId?: string, message?: string): TrueFoundryJobRun {
    const id = Guard.notBlank(run?.name, "run.name");
    const factory = "TrueFoundryModelFactory";
    const handle: TrueFoundryJobRun = new TrueFoundryJobRun(
      run,
      applicationId ?? run.applicationId,
      message,
      { read: DetachedRun.read("TrueFoundry", factory, id, run, () => handle), cancel: DetachedRun.cancel("TrueFoundry", factory, id) },
      systemClock,
    );
    return handle;
  },
});
