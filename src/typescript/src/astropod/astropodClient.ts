import type { components, paths } from "../generated/astropod.js";
import { dateTimeFields, operations } from "../generated/astropod.wire.js";
import type { ClientOptions, RequestOptions } from "../core/clientOptions.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/operation.js";
import { normalizeUtcTimestamps } from "../core/json/utcTimestamps.js";
import { ServiceCore } from "../core/serviceCore.js";

const ops = operationTable("Astropod", operations);
const INGESTION_PREFIX = "ingestion-";

/** A deployment as listed (wire: `DeploymentSummary`). */
export type DeploymentSummary = components["schemas"]["DeploymentSummary"];
/** A deployment with its workloads (wire: `DeploymentDetails`). */
export type DeploymentDetails = components["schemas"]["DeploymentDetails"];

/** Options of an Astropod client: `apiKey` (a session token) or `tokenProvider` (refreshed once on a 401). */
export interface AstropodClientOptions extends ClientOptions {
  /** Base URL. Default `https://api.astropod.ai`. */
  baseUrl?: string;
}

/** A manually triggerable ingestion of a deployment (a workload component `ingestion-<name>`). */
export interface IngestionSource {
  /** The name to trigger, without the `ingestion-` prefix (`docs_sync`). */
  readonly name: string;
  /** The component (`ingestion-docs_sync`). */
  readonly component: string;
  /** The workload name. */
  readonly workloadName: string | undefined;
  /** Its cron schedule, when it runs on one (such a source is not manual). */
  readonly schedule: string | undefined;
}

/**
 * The outcome of `triggerIngestion`. Astropod has no status endpoint for a triggered ingestion, so this is not a
 * run handle: `hasStatusSource` is false and there is no `waitForCompletion` — the SDK says so rather than pretend.
 */
export interface IngestionTrigger {
  /** The service's word for the outcome (`triggered`). */
  readonly status: string | undefined;
  /** The Kubernetes job that runs the ingestion. */
  readonly jobName: string | undefined;
  /** The namespace the job runs in. */
  readonly namespace: string | undefined;
  /** The ingestion that was triggered. */
  readonly ingestion: string;
  /** Always false: Astropod cannot report the run's status. */
  readonly hasStatusSource: false;
}

/**
 * Astropod (https://api.astropod.ai; `Authorization: Bearer <token>`): trigger a manual ingestion and discover
 * what can be triggered. A 401 asks the `tokenProvider` once for a fresh token and repeats once.
 * @example
 * const astropod = new AstropodClient({ tokenProvider: (refresh) => tokens.get(refresh) });
 * const [source] = await astropod.listIngestionSources("dep_123");
 * await astropod.triggerIngestion("team-docs", source.name, "acme");
 */
export class AstropodClient {
  readonly #core: ServiceCore<paths>;

  constructor(options: AstropodClientOptions) {
    this.#core = new ServiceCore<paths>("Astropod", options, "https://api.astropod.ai", { kind: "bearer" });
  }

  /**
   * Triggers a manual ingestion (`POST /api/v1/deployments/{namespace}/ingestion/{ingestion}/trigger?account=`, body `{}`).
   * Not idempotent: retried only when Astropod certainly did not act.
   * @throws InvalidArgumentError; PaymentRequiredError (billing suspended, with `suggestedAction`); the call's errors.
   */
  async triggerIngestion(deploymentNamespace: string, ingestion: string, account: string, options?: RequestOptions): Promise<IngestionTrigger> {
    Guard.pathSegment(deploymentNamespace, "deploymentNamespace");
    Guard.pathSegment(ingestion, "ingestion");
    Guard.notBlank(account, "account");
    const op = ops.triggerIngestion;
    const { data, response } = await this.#core.call(op, options, (fetch) =>
      this.#core.api.POST("/api/v1/deployments/{namespace}/ingestion/{ingestion}/trigger", {
        params: { path: { namespace: deploymentNamespace, ingestion }, query: { account } },
        body: {},
        fetch,
      }),
    );
    const result = expectBody<components["schemas"]["IngestionTriggerResult"]>(op, response, data, isRecord, "a trigger result");
    return { status: result.status, jobName: result.job_name, namespace: result.namespace, ingestion, hasStatusSource: false };
  }

  /** The account's deployments (`GET /api/v1/deployments?account=`). */
  async listDeployments(account: string, options?: RequestOptions): Promise<DeploymentSummary[]> {
    Guard.notBlank(account, "account");
    const op = ops.listDeployments;
    const { data, response } = await this.#core.call(op, options, (fetch) =>
      this.#core.api.GET("/api/v1/deployments", { params: { query: { account } }, fetch }),
    );
    const list = expectBody<{ deployments: DeploymentSummary[] }>(op, response, data, (d) => isRecord(d) && Array.isArray(d.deployments), "a deployment list");
    return normalizeUtcTimestamps(list.deployments, dateTimeFields);
  }

  /** One deployment with its workloads (`GET /api/v1/deployments/{deploymentId}`). */
  async getDeployment(deploymentId: string, options?: RequestOptions): Promise<DeploymentDetails> {
    Guard.pathSegment(deploymentId, "deploymentId");
    const op = ops.getDeployment;
    const { data, response } = await this.#core.call(op, options, (fetch) =>
      this.#core.api.GET("/api/v1/deployments/{deploymentId}", { params: { path: { deploymentId } }, fetch }),
    );
    return expectBody<{ deployment: DeploymentDetails }>(op, response, data, (d) => isRecord(d) && isRecord(d.deployment), "a deployment").deployment;
  }

  /** The ingestion sources of a deployment: workloads whose component is `ingestion-<name>` (prefix stripped). */
  async listIngestionSources(deploymentId: string, options?: RequestOptions): Promise<IngestionSource[]> {
    const deployment = await this.getDeployment(deploymentId, options);
    return (deployment.workloads ?? [])
      .filter((w) => typeof w.component === "string" && w.component.startsWith(INGESTION_PREFIX) && w.component.length > INGESTION_PREFIX.length)
      .map((w) => ({ name: w.component!.slice(INGESTION_PREFIX.length), component: w.component!, workloadName: w.name, schedule: w.schedule }));
  }

  /** `AstropodClient` — never the token. */
  toString(): string {
    return "AstropodClient";
  }
}
