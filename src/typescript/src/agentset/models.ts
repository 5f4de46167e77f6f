import type { components } from "../generated/agentset.js";
import type { RequestOptions } from "../core/clientOptions.js";
import type { ClientOptions } from "../core/clientOptions.js";

type Schemas = components["schemas"];

/** An ingest job's status as Agentset spells it (a newer word reads as is; its common status is `unknown`). */
export type IngestJobStatus = Schemas["IngestJobStatus"];
/** An ingest job (wire: `IngestJob` in openapi/agentset.yaml). Timestamps are ISO strings, UTC. */
export type IngestJob = Omit<Schemas["IngestJob"], "status"> & { status: IngestJobStatus | (string & {}) };
/** Text to ingest (`type: "TEXT"`). */
export type TextPayload = Schemas["TextPayload"];
/** A public file URL (`type: "FILE"`). */
export type FilePayload = Schemas["FilePayload"];
/** A file in Agentset's managed storage (`type: "MANAGED_FILE"`). */
export type ManagedFilePayload = Schemas["ManagedFilePayload"];
/** A site to crawl (`type: "CRAWL"`). */
export type CrawlPayload = Schemas["CrawlPayload"];
/** YouTube videos, channels or playlists (`type: "YOUTUBE"`). */
export type YoutubePayload = Schemas["YoutubePayload"];
/** Several documents (`type: "BATCH"`). */
export type BatchPayload = Schemas["BatchPayload"];
/**
 * What to ingest, discriminated by `type` (the spec's allOf + discriminator; openapi-typescript emits the members,
 * this union ties them together as the spec's `mapping` does).
 */
export type IngestJobPayload = TextPayload | FilePayload | ManagedFilePayload | CrawlPayload | YoutubePayload | BatchPayload;
/** What to create (wire: `CreateIngestJobRequest`): `payload`, optional `name`, `config`, `externalId`. */
export type CreateIngestJobRequest = Omit<Schemas["CreateIngestJobRequest"], "payload"> & { payload: IngestJobPayload };
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
