import { resumeTokenFor } from "../core/runs/resumeToken.js";
import type { TriggerExecutionRun } from "./triggerExecutionRun.js";
import type { operations as Operations } from "../generated/mixpeek.js";
import { ServiceCore } from "../core/serviceCore.js";
import type { MixpeekClientOptions, MixpeekRequestOptions } from "./models.js";
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

  /**
   * Resumes a run from its resume token (`run.resumeToken`, written by this or any other language's SDK or the CLI):
   * the handle `executions.track(taskId)` would give, nothing sent until its status is read.
   * @param token - the `atr1.…` token of a Mixpeek run.
   * @param options - per-call retry, timeout and signal for every status read and the cancel; the namespace comes from the token.
   * @throws InvalidArgumentError naming `token`: not a resume token, or one of another service.
   */
  resumeRun(token: string, options?: MixpeekRequestOptions): TriggerExecutionRun {
    const fields = resumeTokenFor(token, "mixpeek");
    return this.executions.resumed(fields["run"]!, fields["trigger"], { ...options, namespace: fields["ns"] });
  }

  /** `MixpeekClient` — never the key. */
  toString(): string {
    return "MixpeekClient";
  }
}
