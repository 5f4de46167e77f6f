export { InternalServerError, InvalidArgumentError, RateLimitExceededError, ServiceTimeoutError, TransportError, mapIngestJobStatus, mapJobRunStatus, mapTaskStatus, userAgent } from "../../src/index.js";
export { UnexpectedStatusError as ServiceUnavailable } from "../../src/index.js";
