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
export { ResponseInfo } from "./core/http/responseInfo.js";
export { defaultRetryOptions, RetryOptions } from "./core/retry/retryOptions.js";
export { AsyncPageable } from "./core/paging/asyncPageable.js";
export { Page, type PageOptions } from "./core/paging/page.js";
export { isTerminal, type RunStatus, type RunSnapshot } from "./core/runs/runStatus.js";
export { TriggeredRun, type RunWaitOptions, type CompletedRun } from "./core/runs/triggeredRun.js";
export { RunCancelledError, RunFailedError, RunWaitTimeoutError } from "./core/runs/runErrors.js";
export { RunGroup, type RunGroupOptions, type RunGroupWaitOptions } from "./core/runs/runGroup.js";
export type { RunGroupProgress } from "./core/runs/runGroupProgress.js";
export { RunResult } from "./core/runs/runResult.js";

export { AgentsetClient } from "./agentset/agentsetClient.js";
export { IngestJobsClient } from "./agentset/ingestJobsClient.js";
export { IngestJobRun, mapIngestJobStatus } from "./agentset/ingestJobRun.js";
export { AgentsetModelFactory } from "./agentset/agentsetModelFactory.js";
export type * from "./agentset/models.js";

export { AstropodClient } from "./astropod/astropodClient.js";
export { DeploymentsClient } from "./astropod/deploymentsClient.js";
export { IngestionsClient } from "./astropod/ingestionsClient.js";
export { AstropodModelFactory } from "./astropod/astropodModelFactory.js";
export type { AstropodClientOptions, IngestionSource, IngestionTrigger, DeploymentSummary, DeploymentDetails } from "./astropod/models.js";

export { TrueFoundryClient } from "./truefoundry/trueFoundryClient.js";
export { JobRunsClient } from "./truefoundry/jobRunsClient.js";
export { TrueFoundryJobRun, mapJobRunStatus } from "./truefoundry/trueFoundryJobRun.js";
export { TrueFoundryModelFactory } from "./truefoundry/trueFoundryModelFactory.js";
// Service-specific names a later service could also have are exported with the service's name (C# has a namespace
// per service): TrueFoundry's JobRun model is TrueFoundryJobRunDetails (TrueFoundryJobRun is its run handle).
export type {
  JobRun as TrueFoundryJobRunDetails, JobRunStatus as TrueFoundryJobRunStatus, JobRunSortBy, JobRunTermination, TriggerJobRequest,
  TrueFoundryClientOptions, JobRunListOptions,
} from "./truefoundry/models.js";

export { ShipyardClient, type ShipyardClientOptions } from "./shipyard/shipyardClient.js";
export { FleetRunsClient, type VesselOverride } from "./shipyard/fleetRunsClient.js";
export { ShipyardFleetRun, mapFleetRunStatus, defaultFleetRunStatusMapping, type FleetRunIdentity } from "./shipyard/shipyardFleetRun.js";
export type { FleetRunRecord } from "./shipyard/fleetRunCsv.js";
export { ShipyardModelFactory } from "./shipyard/shipyardModelFactory.js";

export { MixpeekClient } from "./mixpeek/mixpeekClient.js";
export { TriggersClient } from "./mixpeek/triggersClient.js";
export { ExecutionsClient } from "./mixpeek/executionsClient.js";
export { TriggerExecutionRun, mapTaskStatus } from "./mixpeek/triggerExecutionRun.js";
export { MixpeekModelFactory } from "./mixpeek/mixpeekModelFactory.js";
export type {
  Trigger as MixpeekTrigger, TriggerStatus as MixpeekTriggerStatus, CreateTriggerRequest, UpdateTriggerRequest, TriggerExecution, TriggerTask,
  MixpeekTaskStatus, MixpeekClientOptions, MixpeekRequestOptions, TriggerListOptions, TriggerHistoryOptions,
} from "./mixpeek/models.js";
