import type { components } from "../generated/agentset.js";
import type { RequestOptions } from "../core/clientOptions.js";
import type { ClientOptions } from "../core/clientOptions.js";

type Schemas = components["schemas"];

/** An ingest job's status as Agentset spells it (a newer word reads as is; its common status is `unknown`). */
export type IngestJobStatus = Schemas["IngestJobStatus"];
/** An ingest job (wire: `IngestJob` in openapi/agentset.yaml). Timestamps are ISO strings, UTC. */
export type IngestJob = Omit<Schemas["IngestJob"], "status"> & { status: IngestJobStatus | (string & {}) };
/** What to create (wire: `CreateIngestJobRequest`): `payload` (by `type`: TEXT, FILE, MANAGED_FILE, CRAWL, YOUTUBE, BATCH), optional `name`, `config`, `externalId`. */
export type CreateIngestJobRequest = Schemas["CreateIngestJobRequest"];
/** Payload union members. */
export type TextPayload = Schemas["TextPayload"];
export type FilePayload = Schemas["FilePayload"];
export type CrawlPayload = Schemas["CrawlPayload"];
/** Parsing and chunking settings (wire: `IngestJobConfig`). */
export type IngestJobConfig = Schemas["IngestJobConfig"];

/** Options of an Agentset client. */
export interface AgentsetClientOptions extends ClientOptions {
  /** Base URL. Default `https://api.agentset.ai`. */
  baseUrl?: string;
  /** The namespace (`ns_…`) every call uses unless a call names another. */
  namespaceId?: string;
  /** `x-tenant-id` for every call unless a call names another: ^[A-Za-z0-9]{1,64}$. */
  tenantId?: string;
}

/** Options of one Agentset call. */
export interface AgentsetRequestOptions extends RequestOptions {
  /** Namespace (`ns_…`) for this call. */
  namespaceId?: string;
  /** Tenant for this call (^[A-Za-z0-9]{1,64}$). */
  tenantId?: string;
}

/** Filters and paging of `ingestJobs.list`. */
export interface IngestJobListOptions {
  /** Only jobs in these statuses (sent comma-separated). */
  statuses?: readonly IngestJobStatus[];
  /** Sort order by creation. Service default `desc`. */
  order?: "asc" | "desc";
  /** Page via `nextCursor` (forward, default) or `prevCursor` (backward). */
  direction?: "forward" | "backward";
  /** Jobs per page, 1–100. Service default 30. */
  pageSize?: number;
  /** A cursor saved from an earlier page to start from. */
  startCursor?: string;
}
