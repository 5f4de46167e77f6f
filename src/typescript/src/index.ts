/**
 * @astro-triggers/sdk — typed clients for the job-trigger and ingest-job APIs of Agentset, Astropod,
 * TrueFoundry, Shipyard and Mixpeek, generated from the repository's openapi/*.yaml.
 * @packageDocumentation
 */
export { AstroTriggersError, type ErrorDetails } from "./core/errors/astroTriggersError.js";
export { ServiceRequestError, type ServiceErrorInfo } from "./core/errors/serviceRequestError.js";
export type { ValidationIssue } from "./core/errors/validationIssue.js";
export {
  BadRequestError,
  UnauthorizedError,
  PaymentRequiredError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  GoneError,
  UnprocessableEntityError,
  RateLimitExceededError,
  InternalServerError,
  UnexpectedStatusError,
} from "./core/errors/statusErrors.js";
export {
  TransportError,
  ServiceTimeoutError,
  ResponseDeserializationError,
  ResponseTooLargeError,
  PagingError,
  InvalidArgumentError,
  UnsupportedOperationError,
} from "./core/errors/clientErrors.js";
export { PacedRateLimitError } from "./core/errors/pacedRateLimitError.js";
export { TokenRefreshError } from "./core/auth/tokenRefreshError.js";
export type { ClientOptions, RequestOptions, TokenProvider } from "./core/clientOptions.js";
export type { Clock } from "./core/http/clock.js";
export { systemClock } from "./core/http/clock.js";
export { userAgent } from "./core/http/userAgent.js";
export { defaultRetryOptions, type RetryOptions } from "./core/retry/retryOptions.js";
export { AsyncPageable } from "./core/paging/asyncPageable.js";
export type { Page, PageOptions } from "./core/paging/page.js";
export { isTerminal, type RunStatus, type RunSnapshot } from "./core/runs/runStatus.js";
export { TriggeredRun, type WaitOptions, type CompletedRun } from "./core/runs/triggeredRun.js";
export { RunCancelledError, RunFailedError, RunWaitTimeoutError } from "./core/runs/runErrors.js";

export { AgentsetClient } from "./agentset/agentsetClient.js";
export { IngestJobsClient } from "./agentset/ingestJobsClient.js";
export { IngestJobRun, mapIngestJobStatus } from "./agentset/ingestJobRun.js";
export type * from "./agentset/models.js";

export { AstropodClient } from "./astropod/astropodClient.js";
export { DeploymentsClient } from "./astropod/deploymentsClient.js";
export { IngestionsClient } from "./astropod/ingestionsClient.js";
export type { AstropodClientOptions, IngestionSource, IngestionTrigger, DeploymentSummary, DeploymentDetails } from "./astropod/models.js";

export { TrueFoundryClient } from "./truefoundry/trueFoundryClient.js";
export { JobRunsClient } from "./truefoundry/jobRunsClient.js";
export { TrueFoundryJobRun, mapJobRunStatus } from "./truefoundry/trueFoundryJobRun.js";
export type {
  JobRun, JobRunStatus, JobRunSortBy, JobRunTermination, TriggerJobRequest, TrueFoundryClientOptions, JobRunListOptions, TrackRunOptions,
} from "./truefoundry/models.js";

export { ShipyardClient, type ShipyardClientOptions } from "./shipyard/shipyardClient.js";
export { FleetRunsClient, type VesselOverride } from "./shipyard/fleetRunsClient.js";
export { ShipyardFleetRun, mapFleetRunStatus, defaultFleetRunStatusMapping, type FleetRunIdentity } from "./shipyard/shipyardFleetRun.js";
export { parseFleetRunCsv, type FleetRunRecord } from "./shipyard/fleetRunCsv.js";

export { MixpeekClient } from "./mixpeek/mixpeekClient.js";
export { TriggersClient } from "./mixpeek/triggersClient.js";
export { ExecutionsClient } from "./mixpeek/executionsClient.js";
export { TriggerExecutionRun, mapTaskStatus } from "./mixpeek/triggerExecutionRun.js";
export type * from "./mixpeek/models.js";
