import type { components } from "../generated/mixpeek.js";
import type { ClientOptions, RequestOptions } from "../core/clientOptions.js";

type Schemas = components["schemas"];

/** A trigger (wire: `Trigger`): action and schedule configs typed by `action_type`/`trigger_type`; timestamps UTC. */
export type Trigger = Omit<Schemas["Trigger"], "status"> & { status: Schemas["TriggerStatus"] | (string & {}) };
/** What to create (wire: `CreateTriggerRequest`): `action_type` cluster | taxonomy_enrichment | batch_rerun | collection_trigger (or newer), `trigger_type` cron | interval | event | conditional. */
export type CreateTriggerRequest = Schemas["CreateTriggerRequest"];
/** What to change (wire: `UpdateTriggerRequest`): only the fields set are sent. */
export type UpdateTriggerRequest = Schemas["UpdateTriggerRequest"];
/** One past execution (wire: `TriggerExecution`). */
export type TriggerExecution = Schemas["TriggerExecution"];
/** The task an execution started (wire: `TriggerTask`): `status` is Mixpeek's word (a newer one reads as is; its common status is `unknown`). */
export type TriggerTask = Omit<Schemas["TriggerTask"], "status"> & { status: MixpeekTaskStatus | (string & {}) };
/** A Mixpeek task status as the spec lists it. */
export type MixpeekTaskStatus = Schemas["MixpeekTaskStatus"];
/** A trigger's status. */
export type TriggerStatus = Schemas["TriggerStatus"];

/** Options of a Mixpeek client (`Authorization: Bearer sk_…`, `X-Namespace`). */
export interface MixpeekClientOptions extends ClientOptions {
  /** Base URL. Default `https://api.mixpeek.com`. */
  baseUrl?: string;
  /** The namespace (an `ns_…` id or a name) sent as `X-Namespace`: ^[A-Za-z0-9_.-]{1,128}$. */
  namespace?: string;
  /** Smallest interval schedule accepted, in whole seconds. Default 60. */
  minimumIntervalSeconds?: number;
}

/** Options of one Mixpeek call. */
export interface MixpeekRequestOptions extends RequestOptions {
  /** Namespace for this call. */
  namespace?: string;
}

/** Filters, sort and paging of `triggers.list` (sent in the JSON body). */
export interface TriggerListOptions {
  /** Only triggers of this action type (`cluster`, `taxonomy_enrichment`, …). */
  actionType?: string;
  /** Only triggers of this schedule type (`cron`, `interval`, `event`, `conditional`). */
  triggerType?: string;
  /** Only triggers in this state. */
  status?: TriggerStatus;
  /** Only triggers on this resource (a cluster or taxonomy id). */
  resourceId?: string;
  /** created_at (service default), updated_at, next_scheduled_at, execution_count. */
  sortBy?: string;
  direction?: "asc" | "desc";
  /** Triggers per page, 1–1000. Service default 50. */
  pageSize?: number;
  /** Offset to start from. Default 0. */
  startOffset?: number;
}

/** Paging of `executions.list` (a trigger's history). */
export interface TriggerHistoryOptions {
  /** Executions per page, 1–1000. */
  pageSize?: number;
  /** Offset to start from. Default 0. */
  startOffset?: number;
}
