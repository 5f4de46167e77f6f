import { AstroTriggersError, type ErrorDetails } from "./astroTriggersError.js";
import type { ValidationIssue } from "./validationIssue.js";

/** Everything a typed HTTP error carries: {@link ErrorDetails} plus the fields read from the answer. */
export interface ServiceErrorInfo extends ErrorDetails {
  status: number;
  service: string;
  operationId: string;
  method: string;
  /** Link to the service's documentation of this error (Agentset `doc_url`). */
  documentationUrl?: string;
  /** Astropod's `reason`. */
  reason?: string;
  /** Astropod's `action` (`add_card`, `update_card`, `contact_support`). */
  suggestedAction?: string;
  /** FastAPI 422 `detail[]` entries (Mixpeek), masked. */
  validationIssues?: readonly ValidationIssue[];
  /** Server's wait hint in milliseconds (`Retry-After` as seconds, HTTP date or Unix ms; `X-RateLimit-Reset`). */
  retryAfter?: number;
}

/**
 * The service answered with a 4xx/5xx (or a 3xx, which is never followed). Thrown as one of the per-status
 * subclasses; catch this to handle them all.
 */
export class ServiceRequestError extends AstroTriggersError {
  /** Link to the service's documentation of this error, when present. */
  readonly documentationUrl: string | undefined;
  /** Why (Astropod's `reason`), when present. */
  readonly reason: string | undefined;
  /** What to do (Astropod's `action`), when present. */
  readonly suggestedAction: string | undefined;
  /** Validation issues of a 422 (empty otherwise). */
  readonly validationIssues: readonly ValidationIssue[];
  /** Milliseconds the service asked to wait before another attempt, when it said. */
  readonly retryAfter: number | undefined;

  /** @param info - what was read from the answer, secrets already masked. */
  constructor(info: ServiceErrorInfo) {
    super(buildMessage(info), info);
    this.documentationUrl = info.documentationUrl;
    this.reason = info.reason;
    this.suggestedAction = info.suggestedAction;
    this.validationIssues = info.validationIssues ?? [];
    this.retryAfter = info.retryAfter;
  }
}

function buildMessage(info: ServiceErrorInfo): string {
  let text = `${info.service} ${info.operationId} failed with HTTP ${info.status}`;
  if (info.errorCode) text += ` (${info.errorCode})`;
  if (info.serviceMessage) text += `: ${info.serviceMessage}`;
  if (info.reason) text += ` Reason: ${info.reason}.`;
  if (info.suggestedAction) text += ` Suggested action: ${info.suggestedAction}.`;
  text += ` [${info.method} ${info.url ?? ""}`;
  if (info.requestId) text += `, request id ${info.requestId}`;
  text += "]";
  if (info.retryAfter !== undefined) text += ` Retry after ${info.retryAfter} ms.`;
  if (info.mayHaveBeenProcessed) text += " The request may have been processed; it was not repeated.";
  return text;
}
