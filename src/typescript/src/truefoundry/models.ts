import type { components } from "../generated/truefoundry.js";
import type { ClientOptions, RequestOptions } from "../core/clientOptions.js";

type Schemas = components["schemas"];

/** A run's status as TrueFoundry spells it (a newer word reads as is; its common status is `unknown`). */
export type JobRunStatus = Schemas["JobRunStatus"];
/** One run of a job (wire: `JobRun`); `createdAt`/`endTime` are Unix milliseconds. */
export type JobRun = Omit<Schemas["JobRun"], "status"> & { status?: JobRunStatus | (string & {}) };
/** What to run (wire: `TriggerJobRequest`): exactly one of `deploymentId`/`applicationId`; `input` is a command with params or Spark fields. */
export type TriggerJobRequest = Schemas["TriggerJobRequest"];
/** The answer to a terminate request (wire: `JobRunTermination`): the service's message and the run's new status. */
export type JobRunTermination = Schemas["JobRunTermination"];
/** The fields runs can be sorted by. */
export type JobRunSortBy = Schemas["JobRunSortBy"];

/** Options of a TrueFoundry client. */
export interface TrueFoundryClientOptions extends ClientOptions {
  /** Your control plane, e.g. `https://acme.truefoundry.cloud`. Required: TrueFoundry has no shared host. */
  baseUrl: string;
}

/** Filters and paging of `jobRuns.list`. */
export interface JobRunListOptions {
  /** Only runs in these statuses (repeated `status` keys). */
  statuses?: readonly JobRunStatus[];
  /** Only runs triggered by these subjects (repeated keys). */
  triggeredBy?: readonly string[];
  /** Only runs of these deployment versions (repeated `versionNumbers` keys), each an integer from 0. */
  versionNumbers?: readonly number[];
  /** Only runs whose name starts with this. */
  searchPrefix?: string;
  /** Sort field. */
  sortBy?: JobRunSortBy;
  /** Sort order. */
  order?: "asc" | "desc";
  /** Runs per page, 1–1000. Service default 10. */
  pageSize?: number;
  /** Offset to start from (a page's `continuationToken` is the next offset). Default 0. */
  startOffset?: number;
}

export type { RequestOptions };
