import type { components, operations as Operations } from "../generated/astropod.js";
import { operations } from "../generated/astropod.wire.js";
import type { RequestOptions } from "../core/clientOptions.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/wireOperation.js";
import type { ServiceCore } from "../core/serviceCore.js";
import type { IngestionTrigger } from "./models.js";
import { wireOptionalName } from "../core/runs/wireRunId.js";

const ops = operationTable("Astropod", operations);

/**
 * Astropod manual ingestions: `start` one. Astropod has no status endpoint for it, so `start` returns the trigger's
 * result (`hasStatusSource: false`), not a run handle. Same vocabulary as the .NET `IngestionsClient`.
 */
export class IngestionsClient {
  readonly #core: ServiceCore<Operations>;

  /** @internal Built by `AstropodClient`. */
  constructor(core: ServiceCore<Operations>) {
    this.#core = core;
  }

  /**
   * Starts a manual ingestion (`POST /api/v1/deployments/{namespace}/ingestion/{ingestion}/trigger?account=`, body `{}`).
   * Not idempotent: retried only when Astropod certainly did not act.
   * @param deploymentNamespace - the deployment's namespace (`DeploymentSummary.namespace`).
   * @param ingestion - the source's name without the `ingestion-` prefix (`IngestionSource.name`).
   * @param account - the account the deployment belongs to.
   * @returns the trigger's result, with `hasStatusSource: false`.
   * @throws InvalidArgumentError; BadRequestError (a scheduled source); PaymentRequiredError (billing suspended, with `suggestedAction`); the call's errors.
   */
  async start(deploymentNamespace: string, ingestion: string, account: string, options?: RequestOptions): Promise<IngestionTrigger> {
    Guard.pathSegment(deploymentNamespace, "deploymentNamespace");
    Guard.pathSegment(ingestion, "ingestion");
    Guard.notBlank(account, "account");
    const op = ops.triggerIngestion;
    const { data, status } = await this.#core.send(op, { path: { namespace: deploymentNamespace, ingestion }, query: { account }, body: {} }, options);
    const result = expectBody<components["schemas"]["IngestionTriggerResult"]>(op, status, data, isRecord, "a trigger result");
    return { status: result.status, jobName: wireOptionalName(result.job_name), namespace: result.namespace, ingestion, hasStatusSource: false };
  }
}
