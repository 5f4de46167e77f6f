import { ServiceRequestError } from "./serviceRequestError.js";

/** HTTP 400: the service refused the request as malformed (Shipyard's bare `{request:{id}, data:null}` too). */
export class BadRequestError extends ServiceRequestError {}
/** HTTP 401: missing, wrong or expired credentials. */
export class UnauthorizedError extends ServiceRequestError {}
/** HTTP 402: billing suspended (Astropod); see `suggestedAction`. */
export class PaymentRequiredError extends ServiceRequestError {}
/** HTTP 403: the credential may not do this (Agentset `forbidden`, `exceeded_limit`). */
export class ForbiddenError extends ServiceRequestError {}
/** HTTP 404: no such namespace, job, run, deployment or trigger. */
export class NotFoundError extends ServiceRequestError {}
/** HTTP 409: the resource's state forbids this now (e.g. re-ingesting a running job). */
export class ConflictError extends ServiceRequestError {}
/** HTTP 410: gone (Agentset `invite_expired`). */
export class GoneError extends ServiceRequestError {}
/** HTTP 422: the body did not validate; `validationIssues` lists FastAPI's `detail[]` entries. */
export class UnprocessableEntityError extends ServiceRequestError {}
/** HTTP 429: rate limited; `retryAfter` (ms) says how long to wait when the service said. */
export class RateLimitExceededError extends ServiceRequestError {}
/** HTTP 500: the service failed; for a create/trigger `mayHaveBeenProcessed` is true. */
export class InternalServerError extends ServiceRequestError {}
/** Any other non-2xx status (3xx included: redirects are never followed). */
export class UnexpectedStatusError extends ServiceRequestError {}
