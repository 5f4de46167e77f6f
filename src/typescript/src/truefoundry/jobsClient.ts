import type { paths } from "../generated/truefoundry.js";
import { operations } from "../generated/truefoundry.wire.js";
import { InvalidArgumentError, ResponseDeserializationError } from "../core/errors/clientErrors.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/operation.js";
import type { AsyncPageable } from "../core/paging/asyncPageable.js";
import { offsetPageable } from "../core/paging/offsetPaging.js";
import type { RequestOptions } from "../core/clientOptions.js";
import type { ServiceCore } from "../core/serviceCore.js";
import type { JobRun, JobRunListOptions, TrackRunOptions, TriggerJobRequest } from "./models.js";
import { type JobRunOperations, TrueFoundryJobRun } from "./trueFoundryJobRun.js";

const ops = operationTable("TrueFoundry", operations);

/** TrueFoundry job runs under `/api/svc/v1/jobs`: trigger, track, getRun, listRuns (offset pages), terminateRun, deleteRun. */
export class JobsClient {
  readonly #core: ServiceCore<paths>;

  /** @internal Built by `TrueFoundryClient`. */
  constructor(core: ServiceCore<paths>) {
    this.#core = core;
  }

  /**
   * Starts a run (`POST /api/svc/v1/jobs/trigger`). Not idempotent: retried only when TrueFoundry certainly did
   * not act. Returns the run handle (status read under `applicationId`; for a run triggered by deployment id,
   * follow it with `track(applicationId, run.id)`).
   * @throws InvalidArgumentError (not exactly one of deploymentId/applicationId; command and Spark input together), the call's errors.
   */
  async trigger(request: TriggerJobRequest, options?: RequestOptions): Promise<TrueFoundryJobRun> {
    validate(request);
    const op = ops.triggerJob;
    const { data, response } = await this.#core.call(op, options, (fetch) => this.#core.api.POST("/api/svc/v1/jobs/trigger", { body: request, fetch }));
    const body = expectBody<{ message?: string; jobRunName?: string; data?: JobRun }>(op, response, data, isRecord, "a trigger result");
    const name = body.data?.name || body.jobRunName;
    if (!name) {
      throw new ResponseDeserializationError(`TrueFoundry triggerJob: the ${response.status} answer named no job run.`, {
        service: "TrueFoundry", operationId: op.operationId, method: op.method, status: response.status,
      });
    }
    const run: JobRun = { ...(body.data ?? { status: "CREATED" }), name };
    return new TrueFoundryJobRun(run, request.applicationId, request.deploymentId, body.message, this.#runOps(options), this.#core.clock);
  }

  /** A handle for a run known by name (e.g. saved earlier); nothing is sent until it is read. @throws InvalidArgumentError */
  track(applicationId: string, jobRunName: string, options: TrackRunOptions & RequestOptions = {}): TrueFoundryJobRun {
    Guard.pathSegment(applicationId, "applicationId");
    Guard.pathSegment(jobRunName, "jobRunName");
    if (options.deploymentId !== undefined) Guard.notBlank(options.deploymentId, "deploymentId");
    const { deploymentId, ...perCall } = options;
    return new TrueFoundryJobRun({ name: jobRunName }, applicationId, deploymentId, undefined, this.#runOps(perCall), this.#core.clock);
  }

  /** Gets one run (`GET /api/svc/v1/jobs/{applicationId}/runs/{jobRunName}`, path segments escaped). */
  async getRun(applicationId: string, jobRunName: string, options?: RequestOptions): Promise<JobRun> {
    Guard.pathSegment(applicationId, "applicationId");
    Guard.pathSegment(jobRunName, "jobRunName");
    const op = ops.getJobRun;
    const { data, response } = await this.#core.call(op, options, (fetch) =>
      this.#core.api.GET("/api/svc/v1/jobs/{jobId}/runs/{jobRunName}", { params: { path: { jobId: applicationId, jobRunName } }, fetch }),
    );
    return expectBody<{ data: JobRun }>(op, response, data, (d) => isRecord(d) && isRecord(d.data) && typeof d.data.name === "string", "a job run").data;
  }

  /**
   * The runs of a job by offset pages (`limit`/`offset`; the page token is the next offset). Filters are sent
   * as repeated keys.
   * @throws InvalidArgumentError (page size outside 1–1000) before sending; the call's errors while iterating.
   */
  listRuns(applicationId: string, filter: JobRunListOptions = {}, options?: RequestOptions): AsyncPageable<JobRun> {
    Guard.pathSegment(applicationId, "applicationId");
    for (const subject of filter.triggeredBy ?? []) Guard.notBlank(subject, "filter.triggeredBy");
    const op = ops.listJobRuns;
    return offsetPageable<JobRun>(
      async (offset, limit, signal) => {
        const { data, response } = await this.#core.call(op, { ...options, signal }, (fetch) =>
          this.#core.api.GET("/api/svc/v1/jobs/{jobId}/runs", {
            params: {
              path: { jobId: applicationId },
              query: {
                limit,
                offset,
                searchPrefix: filter.searchPrefix,
                sortBy: filter.sortBy,
                order: filter.order,
                triggeredBy: filter.triggeredBy?.length ? [...filter.triggeredBy] : undefined,
                status: filter.statuses?.length ? [...filter.statuses] : undefined,
              },
            },
            fetch,
          }),
        );
        const list = expectBody<{ data: JobRun[]; pagination?: { total?: number } }>(op, response, data, (d) => isRecord(d) && Array.isArray(d.data), "a page of job runs");
        return { items: list.data, total: list.pagination?.total };
      },
      filter.startOffset ?? 0,
      filter.pageSize,
      1000,
      "filter",
      options?.signal,
    );
  }

  /** Asks a run to stop (`POST /api/svc/v1/jobs/terminate?deploymentId=&jobRunName=`). Safe to repeat (`x-astro-idempotent`), so retried. TrueFoundry answers 417 for a finished run. */
  async terminateRun(deploymentId: string, jobRunName: string, options?: RequestOptions): Promise<void> {
    Guard.notBlank(deploymentId, "deploymentId");
    Guard.pathSegment(jobRunName, "jobRunName");
    await this.#core.call(ops.terminateJobRun, options, (fetch) =>
      this.#core.api.POST("/api/svc/v1/jobs/terminate", { params: { query: { deploymentId, jobRunName } }, fetch }),
    );
  }

  /** Deletes a run's record (`DELETE …/runs/{jobRunName}`, 200 or 204). */
  async deleteRun(applicationId: string, jobRunName: string, options?: RequestOptions): Promise<void> {
    Guard.pathSegment(applicationId, "applicationId");
    Guard.pathSegment(jobRunName, "jobRunName");
    await this.#core.call(ops.deleteJobRun, options, (fetch) =>
      this.#core.api.DELETE("/api/svc/v1/jobs/{jobId}/runs/{jobRunName}", { params: { path: { jobId: applicationId, jobRunName } }, parseAs: "text", fetch }),
    );
  }

  #runOps(options: RequestOptions | undefined): JobRunOperations {
    const { signal: _ignored, ...perCall } = options ?? {};
    return {
      getRun: (applicationId, name, signal) => this.getRun(applicationId, name, { ...perCall, signal }),
      terminateRun: (deploymentId, name, signal) => this.terminateRun(deploymentId, name, { ...perCall, signal }),
    };
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
