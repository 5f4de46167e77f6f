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

  /** `TrueFoundryClient` — never the key. */
  toString(): string {
    return "TrueFoundryClient";
  }
}
