import type { Clock } from "../core/http/clock.js";
import type { RunSnapshot, RunStatus } from "../core/runs/runStatus.js";
import { TriggeredRun } from "../core/runs/triggeredRun.js";
import type { IngestJob } from "./models.js";

const MAP: Readonly<Record<string, RunStatus>> = {
  BACKLOG: "queued",
  QUEUED: "queued",
  QUEUED_FOR_RESYNC: "queued",
  QUEUED_FOR_DELETE: "queued",
  PRE_PROCESSING: "running",
  PROCESSING: "running",
  DELETING: "running",
  CANCELLING: "running",
  COMPLETED: "succeeded",
  FAILED: "failed",
  CANCELLED: "cancelled",
};

/** Agentset's status → the common model (README table); a word the SDK does not know is `unknown`. */
export function mapIngestJobStatus(status: string | undefined): RunStatus {
  return (status !== undefined && Object.hasOwn(MAP, status) ? MAP[status] : undefined) ?? "unknown";
}

/**
 * An ingest job followed to the end (`ingestJobs.start` or `ingestJobs.track`). Status read with `getIngestJob`.
 * `cancel()` throws UnsupportedOperationError: Agentset has no operation that stops a job.
 */
export class IngestJobRun extends TriggeredRun {
  #job: IngestJob | undefined;
  readonly #get: (id: string, signal: AbortSignal | undefined) => Promise<IngestJob>;

  /** @internal Built by `IngestJobsClient`. */
  constructor(id: string, job: IngestJob | undefined, get: (id: string, signal: AbortSignal | undefined) => Promise<IngestJob>, clock: Clock) {
    super("Agentset", id, job ? snapshot(job, clock.now()) : { status: "unknown", rawStatus: undefined, errorMessage: undefined, observedAt: clock.now() }, clock);
    this.#job = job;
    this.#get = get;
  }

  /** The job as last read; undefined for a handle made from an id that has not been read yet. */
  get job(): IngestJob | undefined {
    return this.#job;
  }

  protected override async fetchStatus(signal: AbortSignal | undefined): Promise<RunSnapshot> {
    const job = await this.#get(this.id, signal);
    this.#job = job;
    return snapshot(job, this.now());
  }
}

function snapshot(job: IngestJob, observedAt: number): RunSnapshot {
  return { status: mapIngestJobStatus(job.status), rawStatus: job.status, errorMessage: job.error ?? undefined, observedAt };
}
