import { ResponseDeserializationError, ServiceTimeoutError, TransportError } from "../../../src/core/errors/clientErrors.js";
import type { AstroTriggersError } from "../../../src/core/errors/astroTriggersError.js";
import { createServiceError } from "../../../src/core/errors/errorMapper.js";
import { retryDecision as decide } from "../../../src/core/retry/retryPolicy.js";
import { resolveRetryOptions } from "../../../src/core/retry/retryOptions.js";
import type { JsonObject } from "../suite.js";

const details = { service: "Conformance", operationId: "conformance", method: "POST" };

/** The error callRunner's attempt loop hands to its decision for each failure kind (toSdkError's mapping). */
function failure(input: JsonObject): { error: AstroTriggersError; attemptTimedOut: boolean } {
  const kind = input["failure"] as string;
  switch (kind) {
    case "answered": {
      const hint = input["retryAfterMs"];
      return { error: createServiceError({ ...details, status: input["status"] as number, retryAfter: typeof hint === "number" ? hint : undefined }), attemptTimedOut: false };
    }
    case "refused-connection":
      return { error: new TransportError("the connection was refused", { ...details, mayHaveBeenProcessed: false }), attemptTimedOut: false };
    case "connect-timeout":
      // undici's UND_ERR_CONNECT_TIMEOUT: neverConnected, so reported as not having reached the service.
      return { error: new TransportError("no connection was established within the connect timeout", { ...details, mayHaveBeenProcessed: false }), attemptTimedOut: false };
    case "reset-before-headers":
      return { error: new TransportError("the connection was reset before a complete response", { ...details, mayHaveBeenProcessed: true }), attemptTimedOut: false };
    case "reset-in-body":
      return { error: new TransportError("the connection failed while the response body was being read", { ...details, mayHaveBeenProcessed: true }), attemptTimedOut: false };
    case "attempt-timeout":
      return { error: new ServiceTimeoutError(30_000, "attempt", { ...details, mayHaveBeenProcessed: true }), attemptTimedOut: true };
    case "caller-cancelled":
      // runCall rethrows the caller's abort reason; it is no AstroTriggersError, so no retry rule takes it.
      return { error: new DOMException("The operation was aborted.", "AbortError") as unknown as AstroTriggersError, attemptTimedOut: false };
    case "deserialization":
      return { error: new ResponseDeserializationError("the response body is not valid JSON", details), attemptTimedOut: false };
    default:
      throw new Error(`unknown failure kind "${kind}"`);
  }
}

/**
 * retry-decision: {failure, status?, retryAfterMs?, idempotent, retryUnsafeRequests, retryInternalServerError?, attempts,
 * maxAttempts, remainingMs, maxDelayMs} → {retry, waitMs?} through callRunner's retryDecision.
 */
export function retryDecision(input: JsonObject): JsonObject {
  const { error, attemptTimedOut } = failure(input);
  const retry = resolveRetryOptions({
    maxAttempts: input["maxAttempts"] as number,
    maxDelay: input["maxDelayMs"] as number,
    retryUnsafeRequests: input["retryUnsafeRequests"] as boolean,
    retryInternalServerError: (input["retryInternalServerError"] as boolean | undefined) ?? false,
  });
  const decision = decide(error, attemptTimedOut, input["idempotent"] as boolean, retry, input["attempts"] as number, input["remainingMs"] as number);
  return decision === undefined ? { retry: false } : { retry: true, waitMs: decision.hint ?? null };
}
