import type { components } from "../generated/astropod.js";
import type { ClientOptions } from "../core/clientOptions.js";

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
  /** The name to start, without the `ingestion-` prefix (`docs_sync`). */
  readonly name: string;
  /** The component (`ingestion-docs_sync`). */
  readonly component: string;
  /** The workload name. */
  readonly workloadName: string | undefined;
  /** Its cron schedule, when it runs on one (such a source is not manual: Astropod refuses to start it). */
  readonly schedule: string | undefined;
}

/**
 * The outcome of `ingestions.start`. Astropod has no status endpoint for a triggered ingestion, so this is not a
 * run handle: `hasStatusSource` is false and there is no `waitForCompletion` — the SDK says so rather than pretend.
 */
export interface IngestionTrigger {
  /** The service's word for the outcome (`triggered`). */
  readonly status: string | undefined;
  /** The Kubernetes job that runs the ingestion. */
  readonly jobName: string | undefined;
  /** The namespace the job runs in. */
  readonly namespace: string | undefined;
  /** The ingestion that was started. */
  readonly ingestion: string;
  /** Always false: Astropod cannot report the run's status. */
  readonly hasStatusSource: false;
}
