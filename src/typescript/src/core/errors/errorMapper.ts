import type { OperationInfo } from "../http/operation.js";
import { readErrorText } from "../http/responseBody.js";
import { parseRetryAfter } from "../retry/retryAfter.js";
import type { KnownSecrets } from "../security/knownSecrets.js";
import { redactUrl } from "../security/redactor.js";
import { parseErrorBody } from "./errorBody.js";
import type { ServiceErrorInfo, ServiceRequestError } from "./serviceRequestError.js";
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitExceededError,
  UnauthorizedError,
  UnexpectedStatusError,
  UnprocessableEntityError,
} from "./statusErrors.js";

/** The headers a request id may come in, in the order tried: for the error of a failed call and the ResponseInfo of a successful one. */
export const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid"];

/** Builds the typed error for a non-2xx answer: reads ≤ 16 KB of the body, masks secrets, reads Retry-After. */
export async function errorFromResponse(
  response: Response,
  operation: OperationInfo,
  url: string,
  secrets: KnownSecrets,
  now: number,
  signal: AbortSignal,
): Promise<ServiceRequestError> {
  const raw = await readErrorText(response, signal);
  const body = parseErrorBody(raw);
  const status = response.status;
  const retryAfter = parseRetryAfter(response.headers, now, status === 429);
  const headerRequestId = REQUEST_ID_HEADERS.map((h) => response.headers.get(h)).find((v) => v !== null) ?? undefined;
  return createServiceError({
    service: operation.service,
    operationId: operation.operationId,
    status,
    method: operation.method,
    url: secrets.mask(redactUrl(url)),
    errorCode: secrets.mask(body.code),
    serviceMessage: secrets.mask(body.message),
    documentationUrl: secrets.mask(body.documentationUrl),
    reason: secrets.mask(body.reason),
    suggestedAction: secrets.mask(body.action),
    validationIssues: (body.validationIssues ?? []).map((issue) => ({
      location: issue.location.map((step) => secrets.mask(step)),
      message: secrets.mask(issue.message),
      type: secrets.mask(issue.type),
    })),
    requestId: secrets.mask(body.requestId ?? headerRequestId),
    rawBody: secrets.mask(raw),
    retryAfter,
    mayHaveBeenProcessed: mayHaveBeenProcessed(operation, status, retryAfter),
  });
}

/** The per-status subclass for `info.status`. */
export function createServiceError(info: ServiceErrorInfo): ServiceRequestError {
  switch (info.status) {
    case 400: return new BadRequestError(info);
    case 401: return new UnauthorizedError(info);
    case 402: return new PaymentRequiredError(info);
    case 403: return new ForbiddenError(info);
    case 404: return new NotFoundError(info);
    case 409: return new ConflictError(info);
    case 410: return new GoneError(info);
    case 422: return new UnprocessableEntityError(info);
    case 429: return new RateLimitExceededError(info);
    case 500: return new InternalServerError(info);
    default: return new UnexpectedStatusError(info);
  }
}

/** A 5xx to an unsafe request may have been acted on, except a 503 that said when to come back. */
export function mayHaveBeenProcessed(operation: OperationInfo, status: number, retryAfter: number | undefined): boolean {
  return !operation.idempotent && status >= 500 && !(status === 503 && retryAfter !== undefined);
}
