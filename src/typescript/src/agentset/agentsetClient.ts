import { resumeTokenFor } from "../core/runs/resumeToken.js";
import type { IngestJobRun } from "./ingestJobRun.js";
import type { AgentsetRequestOptions } from "./models.js";
import type { operations as Operations } from "../generated/agentset.js";
import { ServiceCore } from "../core/serviceCore.js";
import { IngestJobsClient } from "./ingestJobsClient.js";
import { checkTenantId } from "./tenantRule.js";
import type { AgentsetClientOptions } from "./models.js";
import { Guard } from "../core/guard.js";

/**
 * Agentset (https://api.agentset.ai; `Authorization: Bearer <key>`, optional `x-tenant-id`).
 * @example
 * const client = new AgentsetClient({ apiKey, namespaceId: "ns_123" });
 * const run = await client.ingestJobs.start({ payload: { type: "TEXT", text: "Hello" } });
 * await run.waitForCompletion();
 * @throws InvalidArgumentError for a missing key, a bad base URL, namespace or tenant.
 */
export class AgentsetClient {
  /** Ingest jobs: list, create, start, track, get, delete, reIngest. */
  readonly ingestJobs: IngestJobsClient;

  /** Creates the client; the options are checked here (key or token provider, base URL, scope). @throws InvalidArgumentError */
  constructor(options: AgentsetClientOptions) {
    const core = new ServiceCore<Operations>("Agentset", options, "https://api.agentset.ai", { kind: "bearer" });
    checkTenantId(options.tenantId, "tenantId");
    if (options.namespaceId !== undefined) Guard.prefixedId(options.namespaceId, "ns_", "namespaceId");
    this.ingestJobs = new IngestJobsClient(core, { ...options });
  }

  /**
   * Resumes a run from its resume token (`run.resumeToken`, written by this or any other language's SDK or the CLI):
   * the handle `ingestJobs.track(jobId)` would give, nothing sent until its status is read.
   * @param token - the `atr1.…` token of a Agentset run.
   * @param options - per-call retry, timeout and signal for every status read; the namespace and tenant come from the token.
   * @throws InvalidArgumentError naming `token`: not a resume token, or one of another service.
   */
  resumeRun(token: string, options?: AgentsetRequestOptions): IngestJobRun {
    const fields = resumeTokenFor(token, "agentset");
    return this.ingestJobs.track(fields["run"]!, { ...options, namespaceId: fields["ns"], ...(fields["tenant"] === undefined ? {} : { tenantId: fields["tenant"] }) });
  }

  /** `AgentsetClient` — never the key. */
  toString(): string {
    return "AgentsetClient";
  }
}
