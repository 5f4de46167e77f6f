import { withResumeToken } from "../core/runs/triggeredRun.js";
import { LIST_PAGE_SIZE, observeFromList, timeOf, withListReading } from "../core/runs/runListReader.js";
import type { operations as Operations } from "../generated/agentset.js";
import { dateTimeFields, operations } from "../generated/agentset.wire.js";
import { InvalidArgumentError } from "../core/errors/clientErrors.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/wireOperation.js";
import { normalizeUtcTimestamps } from "../core/json/utcTimestamps.js";
import { AsyncPageable } from "../core/paging/asyncPageable.js";
import type { ServiceCore } from "../core/serviceCore.js";
import { IngestJobRun } from "./ingestJobRun.js";
import type { AgentsetClientOptions, AgentsetRequestOptions, CreateIngestJobRequest, IngestJob, IngestJobListOptions } from "./models.js";
import { wireRunId } from "../core/runs/wireRunId.js";
import { checkCreateBody } from "./payloadRule.js";
import { checkTenantId } from "./tenantRule.js";

const ops = operationTable("Agentset", operations);
const isJob = (d: any) => isRecord(d) && isRecord(d.data) && typeof d.data.id === "string";
// Create and re-ingest: the id is checked where a run or an id to follow is handed back (wireRunId, naming the field).
const isAnswerWithData = (d: any) => isRecord(d) && isRecord(d.data);
const tenantHeader = (tenant: string | undefined) => (tenant === undefined ? undefined : { "x-tenant-id": tenant });

/**
 * Agentset ingest jobs under `/v1/namespace/{namespaceId}/ingest-jobs`: list (cursor pages), create, start
 * (create + a run handle), track, get, delete, re-ingest. Every call checks the namespace (`ns_…`), tenant and
 * job id (`job_…`) before sending.
 */
export class IngestJobsClient {
  readonly #core: ServiceCore<Operations>;
  readonly #options: AgentsetClientOptions;

  /** @internal Built by `AgentsetClient`. */
  constructor(core: ServiceCore<Operations>, options: AgentsetClientOptions) {
    this.#core = core;
    this.#options = options;
  }

  /**
   * The ingest jobs of the namespace, newest first by default, fetched one cursor page at a time.
   * `for await (const job of list)`, or `list.byPage({ continuationToken, pageSize })` for pages whose
   * `continuationToken` (next cursor in the paging direction) can be saved and resumed.
   * @throws InvalidArgumentError (before sending), the call's errors while iterating, PagingError on a repeated cursor.
   */
  list(filter: IngestJobListOptions = {}, options?: AgentsetRequestOptions): AsyncPageable<IngestJob> {
    const ns = this.#namespace(options);
    const tenant = this.#tenant(options);
    if (filter.pageSize !== undefined) Guard.inRange(filter.pageSize, 1, 100, "filter.pageSize");
    const backward = filter.direction === "backward";
    return new AsyncPageable<IngestJob>(
      async (cursor, pageSize, signal) => {
        if (pageSize !== undefined) Guard.inRange(pageSize, 1, 100, "pageSize");
        const op = ops.listIngestJobs;
        // `statuses` travels comma-separated (the document: style form, explode false), as the wire table says.
        const { data, status } = await this.#core.send(
          op,
          {
            path: { namespaceId: ns },
            query: {
              statuses: filter.statuses?.length ? [...filter.statuses] : undefined,
              order: filter.order,
              cursor,
              cursorDirection: cursor === undefined ? undefined : filter.direction,
              perPage: pageSize,
            },
            header: tenantHeader(tenant),
          },
          { ...options, signal },
        );
        const body = expectBody<{ data: IngestJob[]; pagination: { nextCursor: string | null; prevCursor: string | null; hasMore: boolean } }>(
          op, status, data, (d) => isRecord(d) && Array.isArray(d.data) && isRecord(d.pagination), "a page of ingest jobs");
        normalizeUtcTimestamps(body.data, dateTimeFields);
        const next = (backward ? body.pagination.prevCursor : body.pagination.nextCursor) ?? undefined;
        const previous = (backward ? body.pagination.nextCursor : body.pagination.prevCursor) ?? undefined;
        return { items: body.data, continuationToken: next, previousToken: previous, hasMore: body.pagination.hasMore === true };
      },
      filter.startCursor,
      filter.pageSize,
      options?.signal,
    );
  }

  /**
   * Creates an ingest job (`POST …/ingest-jobs`, 201). Not idempotent: retried only when Agentset certainly did
   * not act (refused connection, 429, 503 with Retry-After); set `externalId` to recognise a job you created.
   * @throws InvalidArgumentError, ServiceRequestError subclasses (mayHaveBeenProcessed on 5xx), TransportError (ServiceTimeoutError among them).
   */
  async create(job: CreateIngestJobRequest, options?: AgentsetRequestOptions): Promise<IngestJob> {
    if (!isRecord(job)) throw new InvalidArgumentError("job", "'job' is required.");
    checkCreateBody(job, "job");
    if (job.externalId !== undefined && job.externalId !== null) Guard.noControlCharacters(job.externalId, "job.externalId");
    const ns = this.#namespace(options);
    const tenant = this.#tenant(options);
    const op = ops.createIngestJob;
    const { data, status } = await this.#core.send(op, { path: { namespaceId: ns }, header: tenantHeader(tenant), body: job }, options);
    return normalizeUtcTimestamps(expectBody<{ data: IngestJob }>(op, status, data, isAnswerWithData, "an ingest job").data, dateTimeFields);
  }

  /** Creates a job and returns its run handle (`waitForCompletion`). Same rules and errors as {@link create}. */
  async start(job: CreateIngestJobRequest, options?: AgentsetRequestOptions): Promise<IngestJobRun> {
    const created = await this.create(job, options);
    // The id comes from the answer, not the caller: a bad one is the answer's fault (not track's InvalidArgumentError).
    wireRunId((created as { id?: unknown } | undefined)?.id, ops.createIngestJob, 201, "data.id", "job_");
    return this.track(created, options);
  }

  /**
   * A run handle for a job or a job id (`job_…`), e.g. one saved earlier; nothing is sent until it is read.
   * @throws InvalidArgumentError for an id without the `job_` prefix.
   */
  track(job: IngestJob | string, options?: AgentsetRequestOptions): IngestJobRun {
    const id = typeof job === "string" ? Guard.prefixedId(job, "job_", "jobId") : Guard.prefixedId(job?.id, "job_", "job.id");
    const { signal: _ignored, ...perCall } = options ?? {};
    const run = new IngestJobRun(id, typeof job === "string" ? undefined : job, (signal) => this.get(id, { ...perCall, signal }), this.#core.clock);
    withResumeToken(run, () => ({ service: "agentset", ns: this.#namespace(perCall), run: id, tenant: this.#tenant(perCall) }));
    // A run group reads the namespace's jobs, newest first, instead of one job at a time (scope: namespace and tenant).
    return withListReading(run, {
      owner: this,
      scope: `${perCall.namespaceId ?? ""}\u0000${perCall.tenantId ?? ""}`,
      list: (signal) => this.list({ order: "desc", pageSize: LIST_PAGE_SIZE }, { ...perCall, signal }),
      idOf: (item) => item.id,
      apply: observeFromList,
      createdAt: { item: (item) => timeOf(item.createdAt), run: (value) => timeOf(value?.createdAt) },
    });
  }

  /** Gets one job (`GET …/ingest-jobs/{jobId}`). @throws InvalidArgumentError, NotFoundError, … */
  async get(jobId: string, options?: AgentsetRequestOptions): Promise<IngestJob> {
    const id = Guard.prefixedId(jobId, "job_", "jobId");
    const ns = this.#namespace(options);
    const tenant = this.#tenant(options);
    const op = ops.getIngestJob;
    const { data, status } = await this.#core.send(op, { path: { namespaceId: ns, jobId: id }, header: tenantHeader(tenant) }, options);
    return normalizeUtcTimestamps(expectBody<{ data: IngestJob }>(op, status, data, isJob, "an ingest job").data, dateTimeFields);
  }

  /** Queues a job for deletion. Agentset answers 200 with the job (returned) or 204 (undefined). Retried like a read. */
  async delete(jobId: string, options?: AgentsetRequestOptions): Promise<IngestJob | undefined> {
    const id = Guard.prefixedId(jobId, "job_", "jobId");
    const ns = this.#namespace(options);
    const tenant = this.#tenant(options);
    const op = ops.deleteIngestJob;
    const { data, status } = await this.#core.send(op, { path: { namespaceId: ns, jobId: id }, header: tenantHeader(tenant) }, options);
    if (status === 204 || data === undefined) return undefined;
    return normalizeUtcTimestamps(expectBody<{ data: IngestJob }>(op, status, data, isJob, "an ingest job").data, dateTimeFields);
  }

  /** Queues a finished job to be processed again; returns its id. Not idempotent (same retry rule as create). */
  async reIngest(jobId: string, options?: AgentsetRequestOptions): Promise<string> {
    const id = Guard.prefixedId(jobId, "job_", "jobId");
    const ns = this.#namespace(options);
    const tenant = this.#tenant(options);
    const op = ops.reIngestJob;
    const { data, status } = await this.#core.send(op, { path: { namespaceId: ns, jobId: id }, header: tenantHeader(tenant) }, options);
    return wireRunId(expectBody<{ data: { id?: unknown } }>(op, status, data, isAnswerWithData, "a re-ingest result").data.id, op, status, "data.id", "job_");
  }

  #namespace(options: AgentsetRequestOptions | undefined): string {
    const ns = options?.namespaceId ?? this.#options.namespaceId;
    if (ns === undefined) {
      throw new InvalidArgumentError("namespaceId", "A namespace id is required: set AgentsetClientOptions.namespaceId or options.namespaceId.");
    }
    return Guard.prefixedId(ns, "ns_", "namespaceId");
  }

  #tenant(options: AgentsetRequestOptions | undefined): string | undefined {
    return options?.tenantId !== undefined ? checkTenantId(options.tenantId, "options.tenantId") : checkTenantId(this.#options.tenantId, "tenantId");
  }
}
