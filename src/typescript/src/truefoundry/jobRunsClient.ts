import { withResumeToken } from "../core/runs/triggeredRun.js";
import { LIST_PAGE_SIZE, observeFromList, timeOf, withListReading } from "../core/runs/runListReader.js";
import type { operations as Operations } from "../generated/truefoundry.js";
import { operations } from "../generated/truefoundry.wire.js";
import { InvalidArgumentError, UnsupportedOperationError } from "../core/errors/clientErrors.js";
import { wireRunId } from "../core/runs/wireRunId.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/wireOperation.js";
import type { AsyncPageable } from "../core/paging/asyncPageable.js";
import { offsetPageable } from "../core/paging/offsetPaging.js";
import type { RequestOptions } from "../core/clientOptions.js";
import type { ServiceCore } from "../core/serviceCore.js";
import type { JobRun, JobRunListOptions, JobRunTermination, TriggerJobRequest } from "./models.js";
import { TrueFoundryJobRun } from "./trueFoundryJobRun.js";

const ops = operationTable("TrueFoundry", operations);

/**
 * TrueFoundry job runs under `/api/svc/v1/jobs`: start, track, get, list (offset pages), cancel (terminate), delete.
 * Same vocabulary as the .NET `JobRunsClient`.
 */
export class JobRunsClient {
  readonly #core: ServiceCore<Operations>;

  /** @internal Built by `TrueFoundryClient`. */
  constructor(core: ServiceCore<Operations>) {
    this.#core = core;
  }

  /**
   * Starts a run (`POST /api/svc/v1/jobs/trigger`). Not idempotent: retried only when TrueFoundry certainly did
   * not act. Returns the run handle (status read under `applicationId`; for a run started by deployment id,
   * follow it with `track(applicationId, run.id)`).
   * @param request - what to run: exactly one of `applicationId`/`deploymentId`, a command with params or Spark input.
   * @param options - per-call retry, timeout and signal; every status read and the cancel of the handle use them too.
   * @throws InvalidArgumentError (not exactly one of deploymentId/applicationId; command and Spark input together), the call's errors.
   */
  async start(request: TriggerJobRequest, options?: RequestOptions): Promise<TrueFoundryJobRun> {
    validate(request);
    const op = ops.triggerJob;
    const { data, status } = await this.#core.send(op, { body: request }, options);
    const body = expectBody<{ message?: string; jobRunName?: string; data?: JobRun }>(op, status, data, isRecord, "a trigger result");
    const dataName: unknown = body.data?.name;
    const name = wireRunId(typeof dataName === "string" && dataName.trim() !== "" ? dataName : body.jobRunName, op, status, "data.name' or 'jobRunName");
    const run: JobRun = { ...(body.data ?? { status: "CREATED" }), name };
    run.applicationId ??= request.applicationId;
    run.deploymentId ??= request.deploymentId;
    return this.#handle(run, request.applicationId, body.message, options);
  }

  /**
   * Follows a run known by name, e.g. one a previous CI step started (rehydration); nothing is sent until it is read.
   * @param applicationId - the job's application id (TrueFoundry reads run status under it).
   * @param jobRunName - the run's name (`run.id`).
   * @param options - per-call options for every status read and the cancel. As C#'s `Track(applicationId, jobRunName)`:
   * `cancel()` terminates by the deployment id the run reports, reading the run once when no status read has yet.
   * @throws InvalidArgumentError for a blank id or a `.`/`..` segment.
   */
  track(applicationId: string, jobRunName: string, options?: RequestOptions): TrueFoundryJobRun {
    Guard.pathSegment(applicationId, "applicationId");
    Guard.pathSegment(jobRunName, "jobRunName");
    return this.#handle({ name: jobRunName, applicationId }, applicationId, undefined, options);
  }

  /** @internal A resumed run keeps the deployment id its token names (cancel needs it). */
  resumed(applicationId: string, jobRunName: string, deploymentId: string | undefined, options?: RequestOptions): TrueFoundryJobRun {
    return this.#handle({ name: jobRunName, applicationId, ...(deploymentId === undefined ? {} : { deploymentId }) }, applicationId, undefined, options);
  }

  /**
   * Gets one run (`GET /api/svc/v1/jobs/{applicationId}/runs/{jobRunName}`, path segments escaped).
   * @throws InvalidArgumentError, NotFoundError, the call's errors.
   */
  async get(applicationId: string, jobRunName: string, options?: RequestOptions): Promise<JobRun> {
    Guard.pathSegment(applicationId, "applicationId");
    Guard.pathSegment(jobRunName, "jobRunName");
    const op = ops.getJobRun;
    const { data, status } = await this.#core.send(op, { path: { jobId: applicationId, jobRunName } }, options);
    return expectBody<{ data: JobRun }>(op, status, data, (d) => isRecord(d) && isRecord(d.data) && typeof d.data.name === "string", "a job run").data;
  }

  /**
   * The runs of a job by offset pages (`limit`/`offset`; the page token is the next offset). Filters are sent
   * as repeated keys.
   * @throws InvalidArgumentError (page size outside 1–1000, a blank `triggeredBy`, a `versionNumbers` entry not an integer from 0) before sending; the call's errors while iterating.
   */
  list(applicationId: string, filter: JobRunListOptions = {}, options?: RequestOptions): AsyncPageable<JobRun> {
    Guard.pathSegment(applicationId, "applicationId");
    for (const subject of filter.triggeredBy ?? []) Guard.notBlank(subject, "filter.triggeredBy");
    for (const version of filter.versionNumbers ?? []) Guard.inRange(version, 0, 2_147_483_647, "filter.versionNumbers");
    const op = ops.listJobRuns;
    return offsetPageable<JobRun>(
      async (offset, limit, signal) => {
        const { data, status } = await this.#core.send(op, { path: { jobId: applicationId }, query: {
                limit,
                offset,
                searchPrefix: filter.searchPrefix,
                sortBy: filter.sortBy,
                order: filter.order,
                triggeredBy: filter.triggeredBy?.length ? [...filter.triggeredBy] : undefined,
                status: filter.statuses?.length ? [...filter.statuses] : undefined,
                versionNumbers: filter.versionNumbers?.length ? [...filter.versionNumbers] : undefined,
              } }, { ...options, signal });
        const list = expectBody<{ data: JobRun[]; pagination?: { total?: number; offset?: number; limit?: number } }>(op, status, data, (d) => isRecord(d) && Array.isArray(d.data), "a page of job runs");
        // No pagination block: no total, so a full page is followed by the next offset until a short one ends the list.
        return { items: list.data, total: list.pagination?.total, offset: list.pagination?.offset, limit: list.pagination?.limit };
      },
      {
        startOffset: filter.startOffset ?? 0,
        pageSize: filter.pageSize,
        defaultPageSize: 10,
        maxPageSize: 1000,
        argument: "filter",
        signal: options?.signal,
        operation: op,
        key: (run) => run.name,
      },
    );
  }

  /**
   * Asks a run to stop (TrueFoundry's terminate: `POST /api/svc/v1/jobs/terminate?deploymentId=&jobRunName=`). Safe to
   * repeat (`x-astro-idempotent`), so retried like a read. Stopping is asynchronous: TERMINATION_REQUESTED →
   * TERMINATING → TERMINATED.
   * @returns the service's answer: its message and the run's new status (both undefined when it answered without a body).
   * @throws InvalidArgumentError; UnexpectedStatusError 417 for a finished run; the call's errors.
   */
  async cancel(deploymentId: string, jobRunName: string, options?: RequestOptions): Promise<JobRunTermination> {
    Guard.notBlank(deploymentId, "deploymentId");
    Guard.pathSegment(jobRunName, "jobRunName");
    const { data } = await this.#core.send(ops.terminateJobRun, { query: { deploymentId, jobRunName } }, options);
    return isRecord(data) ? { message: typeof data.message === "string" ? data.message : undefined, jobRunStatus: data.jobRunStatus as JobRunTermination["jobRunStatus"] } : {};
  }

  /** Deletes a run's record (`DELETE …/runs/{jobRunName}`, 200 or 204). @throws InvalidArgumentError, NotFoundError, the call's errors. */
  async delete(applicationId: string, jobRunName: string, options?: RequestOptions): Promise<void> {
    Guard.pathSegment(applicationId, "applicationId");
    Guard.pathSegment(jobRunName, "jobRunName");
    await this.#core.send(ops.deleteJobRun, { path: { jobId: applicationId, jobRunName } }, { ...options, discardBody: true });
  }

  #handle(run: JobRun, applicationId: string | undefined, message: string | undefined, options: RequestOptions | undefined): TrueFoundryJobRun {
    const { signal: _ignored, ...perCall } = options ?? {};
    const read = (signal: AbortSignal | undefined): Promise<JobRun> => {
      if (applicationId === undefined) {
        return Promise.reject(new UnsupportedOperationError(
          `Run '${run.name}' was started by deployment id, and TrueFoundry reads run status under the job's application id: ` +
            `call jobRuns.track(applicationId, "${run.name}") to follow it.`,
          { service: "TrueFoundry" },
        ));
      }
      return this.get(applicationId, run.name, { ...perCall, signal });
    };
    const cancel = async (value: JobRun, signal: AbortSignal | undefined): Promise<void> => {
      let deploymentId = value.deploymentId;
      // The deployment id comes with the first status read; read once when the handle does not know it yet.
      if (!deploymentId && applicationId !== undefined) deploymentId = (await read(signal)).deploymentId;
      if (!deploymentId) {
        throw new UnsupportedOperationError(
          `TrueFoundry terminates a run by deployment id and run name, and run '${run.name}' does not say its deployment: ` +
            `call jobRuns.cancel(deploymentId, "${run.name}").`,
          { service: "TrueFoundry" },
        );
      }
      await this.cancel(deploymentId, run.name, { ...perCall, signal });
    };
    const handle = new TrueFoundryJobRun(run, applicationId, message, { read, cancel }, this.#core.clock);
    // A run started by deployment id cannot be read, so it has no token (applicationId is required).
    withResumeToken(handle, () => ({ service: "truefoundry", app: applicationId, run: run.name, deployment: handle.value.deploymentId ?? run.deploymentId }));
    if (applicationId === undefined) return handle;
    // A run group reads the application's runs, newest first, instead of one run at a time (scope: the application).
    return withListReading(handle, {
      owner: this,
      scope: applicationId,
      list: (signal) => this.list(applicationId, { sortBy: "startTime", order: "desc", pageSize: LIST_PAGE_SIZE }, { ...perCall, signal }),
      idOf: (item) => item.name,
      // The list's row may leave out what the trigger's answer named (the deployment id cancel() needs).
      apply: (target, item) => observeFromList(target, { ...item, deploymentId: item.deploymentId ?? target.value.deploymentId }),
      createdAt: { item: (item) => timeOf(item.createdAt), run: (value) => timeOf(value.createdAt) },
    });
  }
}

function validate(request: TriggerJobRequest): void {
  if (!isRecord(request)) throw new InvalidArgumentError("request", "'request' is required.");
  const byDeployment = typeof request.deploymentId === "string" && request.deploymentId.trim() !== "";
  const byApplication = typeof request.applicationId === "string" && request.applicationId.trim() !== "";
  if (byDeployment === byApplication) {
    throw new InvalidArgumentError("request", "Set exactly one of 'request.deploymentId' and 'request.applicationId'.");
  }
  const input = request.input;
  if (input) {
    const spark = input.mainClass !== undefined || input.mainApplicationFile !== undefined || input.arguments !== undefined;
    const command = input.command !== undefined || input.params !== undefined;
    if (spark && command) {
      throw new InvalidArgumentError("request.input", "'request.input' is either a command with params or Spark input (mainClass, mainApplicationFile, arguments), not both.");
    }
    for (const key of Object.keys(input.params ?? {})) Guard.notBlank(key, "request.input.params key");
  }
}
