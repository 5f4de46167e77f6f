import type { operations as Operations } from "../generated/mixpeek.js";
import { ServiceCore } from "../core/serviceCore.js";
import type { MixpeekClientOptions } from "./models.js";
import { ExecutionsClient } from "./executionsClient.js";
import { checkNamespace } from "./namespaceRule.js";
import { TriggersClient } from "./triggersClient.js";

/**
 * Mixpeek (https://api.mixpeek.com; `Authorization: Bearer sk_…`, `X-Namespace`).
 * @example
 * const mixpeek = new MixpeekClient({ apiKey, namespace: "ns_prod" });
 * const trigger = await mixpeek.triggers.create({ action_type: "cluster", action_config: { cluster_id: "clust_1" },
 *   trigger_type: "cron", schedule_config: { cron_expression: "0 2 * * *", timezone: "Europe/Berlin" } });
 * const run = await mixpeek.executions.start(trigger.trigger_id);
 * await run.waitForCompletion();
 */
export class MixpeekClient {
  /** Triggers: create, list, get, update, pause, resume, delete. */
  readonly triggers: TriggersClient;
  /** Executions: start (run a trigger now), get, cancel, track (its task), list (a trigger's history). */
  readonly executions: ExecutionsClient;

  /** Creates the client; the options are checked here (key or token provider, base URL, scope). @throws InvalidArgumentError */
  constructor(options: MixpeekClientOptions) {
    const core = new ServiceCore<Operations>("Mixpeek", options, "https://api.mixpeek.com", { kind: "bearer" });
    if (options.namespace !== undefined) checkNamespace(options.namespace, "namespace");
    this.triggers = new TriggersClient(core, { ...options });
    this.executions = new ExecutionsClient(core, { ...options });
  }

  /** `MixpeekClient` — never the key. */
  toString(): string {
    return "MixpeekClient";
  }
}
