import { systemClock } from "../core/http/clock.js";
import { DetachedRun } from "../core/runs/detachedRun.js";
import { Guard } from "../core/guard.js";
import { IngestJobRun } from "./ingestJobRun.js";
import type { IngestJob } from "./models.js";

/**
 * Builds Agentset results for your own unit tests (as C#'s `AgentsetModelFactory`), e.g. what a mocked
 * `IngestJobsClient` returns. Models are plain objects you write directly; this covers what only the SDK can build:
 * the run handle.
 */
export const AgentsetModelFactory = Object.freeze({
  /**
   * A run handle over a job in a given state, without a client: its `status` and `value` come from `job`. For a
   * completed, failed or cancelled job `waitForCompletion()` returns at once (failed and cancelled throw
   * `RunFailedError`, as from a client, unless `throwOnFailure` is false); for any other state it throws
   * `UnsupportedOperationError`, because there is no client to read the status with. `canCancel` is false, as on a
   * real Agentset run.
   * @param job - the job; its `id` is the run's id.
   * @throws InvalidArgumentError when the job's id is blank.
   */
  ingestJobRun(job: IngestJob): IngestJobRun {
    const id = Guard.notBlank(job?.id, "job.id");
    const run: IngestJobRun = new IngestJobRun(id, job, DetachedRun.read("Agentset", "AgentsetModelFactory", id, job, () => run), systemClock);
    return run;
  },
});
