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

  /** `AgentsetClient` — never the key. */
  toString(): string {
    return "AgentsetClient";
  }
}
