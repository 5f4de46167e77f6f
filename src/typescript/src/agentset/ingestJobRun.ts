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
 * An ingest job followed to the end (`ingestJobs.start` or `ingestJobs.track`); `value` is the {@link IngestJob} as
 * last read (undefined for a handle made from an id until its first read). Status read with `getIngestJob`.
 * `cancel()` throws UnsupportedOperationError: Agentset has no operation that stops a job (`ingestJobs.delete` removes it).
 */
export class IngestJobRun extends TriggeredRun<IngestJob | undefined> {
  /** @internal Built by `IngestJobsClient`. */
  constructor(id: string, job: IngestJob | undefined, read: (signal: AbortSignal | undefined) => Promise<IngestJob>, clock: Clock) {
    super("Agentset", id, job, {
      read,
      snapshot,
      cannotCancel: `Agentset has no operation to stop an ingest job; job ${id} goes on (ingestJobs.delete(jobId) removes it).`,
    }, clock);
  }
}

function snapshot(job: IngestJob | undefined): Omit<RunSnapshot, "observedAt"> {
  if (job === undefined) return { status: "unknown", rawStatus: undefined, errorMessage: undefined };
  return { status: mapIngestJobStatus(job.status), rawStatus: job.status, errorMessage: job.error ?? undefined };
}
