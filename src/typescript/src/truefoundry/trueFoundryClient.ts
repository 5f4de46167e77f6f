import type { RequestOptions } from "../core/clientOptions.js";
import { resumeTokenFor } from "../core/runs/resumeToken.js";
import type { TrueFoundryJobRun } from "./trueFoundryJobRun.js";
import type { operations as Operations } from "../generated/truefoundry.js";
import { ServiceCore } from "../core/serviceCore.js";
import { JobRunsClient } from "./jobRunsClient.js";
import type { TrueFoundryClientOptions } from "./models.js";

/**
 * TrueFoundry (your control plane; `Authorization: Bearer <token>`).
 * @example
 * const tfy = new TrueFoundryClient({ baseUrl: "https://acme.truefoundry.cloud", apiKey });
 * const run = await tfy.jobRuns.start({ applicationId: "app-1", input: { command: "python etl.py" } });
 * await run.waitForCompletion({ pollInterval: 5_000, timeout: 30 * 60_000 });
 * @throws InvalidArgumentError when `baseUrl` or the key is missing.
 */
export class TrueFoundryClient {
  /** Job runs: start, track, get, list, cancel, delete. */
  readonly jobRuns: JobRunsClient;

  /** Creates the client; the options are checked here (key or token provider, base URL, scope). @throws InvalidArgumentError */
  constructor(options: TrueFoundryClientOptions) {
    this.jobRuns = new JobRunsClient(new ServiceCore<Operations>("TrueFoundry", options, undefined, { kind: "bearer" }));
  }

  /**
   * Resumes a run from its resume token (`run.resumeToken`, written by this or any other language's SDK or the CLI):
   * the handle `jobRuns.track(applicationId, jobRunName)` would give, nothing sent until its status is read.
   * @param token - the `atr1.…` token of a TrueFoundry run.
   * @param options - per-call retry, timeout and signal for every status read and the cancel.
   * @throws InvalidArgumentError naming `token`: not a resume token, or one of another service.
   */
  resumeRun(token: string, options?: RequestOptions): TrueFoundryJobRun {
    const fields = resumeTokenFor(token, "truefoundry");
    return this.jobRuns.resumed(fields["app"]!, fields["run"]!, fields["deployment"], options);
  }

  /** `TrueFoundryClient` — never the key. */
  toString(): string {
    return "TrueFoundryClient";
  }
}
