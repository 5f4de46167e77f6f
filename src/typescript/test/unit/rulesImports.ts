export { InternalServerError, InvalidArgumentError, RateLimitExceededError, TimeoutError, TransportError, mapIngestJobStatus, mapJobRunStatus, userAgent } from "../../src/index.js";
export { UnexpectedStatusError as ServiceUnavailable } from "../../src/index.js";
