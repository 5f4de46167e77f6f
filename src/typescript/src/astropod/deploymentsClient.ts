import type { operations as Operations } from "../generated/astropod.js";
import { dateTimeFields, operations } from "../generated/astropod.wire.js";
import type { RequestOptions } from "../core/clientOptions.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/wireOperation.js";
import { normalizeUtcTimestamps } from "../core/json/utcTimestamps.js";
import type { AsyncPageable } from "../core/paging/asyncPageable.js";
import { singlePage } from "../core/paging/singlePage.js";
import type { ServiceCore } from "../core/serviceCore.js";
import type { DeploymentDetails, DeploymentSummary, IngestionSource } from "./models.js";

const ops = operationTable("Astropod", operations);
const INGESTION_PREFIX = "ingestion-";

/**
 * Astropod deployments: list an account's deployments, get one with its workloads, list its ingestion sources (what
 * `ingestions.start` can start). Astropod answers each list in one piece; the lists are async iterables with one
 * page like every list of the SDK. Same vocabulary as the .NET `DeploymentsClient`.
 */
export class DeploymentsClient {
  readonly #core: ServiceCore<Operations>;

  /** @internal Built by `AstropodClient`. */
  constructor(core: ServiceCore<Operations>) {
    this.#core = core;
  }

  /**
   * The account's deployments (`GET /api/v1/deployments?account=`), one page.
   * @throws InvalidArgumentError (blank account) before sending; ForbiddenError for an account the token cannot see; the call's errors while iterating.
   */
  list(account: string, options?: RequestOptions): AsyncPageable<DeploymentSummary> {
    Guard.notBlank(account, "account");
    const op = ops.listDeployments;
    return singlePage(async (signal) => {
      const { data, status } = await this.#core.send(op, { query: { account } }, { ...options, signal });
      const list = expectBody<{ deployments: DeploymentSummary[] }>(op, status, data, (d) => isRecord(d) && Array.isArray(d.deployments), "a deployment list");
      return normalizeUtcTimestamps(list.deployments, dateTimeFields);
    }, options?.signal);
  }

  /**
   * One deployment with its workloads (`GET /api/v1/deployments/{deploymentId}`).
   * @throws InvalidArgumentError, NotFoundError, the call's errors.
   */
  async get(deploymentId: string, options?: RequestOptions): Promise<DeploymentDetails> {
    Guard.pathSegment(deploymentId, "deploymentId");
    const op = ops.getDeployment;
    const { data, status } = await this.#core.send(op, { path: { deploymentId } }, options);
    return expectBody<{ deployment: DeploymentDetails }>(op, status, data, (d) => isRecord(d) && isRecord(d.deployment), "a deployment").deployment;
  }

  /**
   * The ingestion sources of a deployment: workloads whose component is `ingestion-<name>` (prefix stripped), one page
   * read from `get`.
   * @throws InvalidArgumentError before sending; NotFoundError and the call's errors while iterating.
   */
  listIngestionSources(deploymentId: string, options?: RequestOptions): AsyncPageable<IngestionSource> {
    Guard.pathSegment(deploymentId, "deploymentId");
    return singlePage(async (signal) => {
      const deployment = await this.get(deploymentId, { ...options, signal });
      return (deployment.workloads ?? [])
        .filter((w) => typeof w.component === "string" && w.component.startsWith(INGESTION_PREFIX) && w.component.length > INGESTION_PREFIX.length)
        .map((w) => ({ name: w.component!.slice(INGESTION_PREFIX.length), component: w.component!, workloadName: w.name, schedule: w.schedule ?? undefined }));
    }, options?.signal);
  }
}
