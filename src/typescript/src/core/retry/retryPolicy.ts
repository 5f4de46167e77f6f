import type { AstroTriggersError } from "../errors/astroTriggersError.js";
import { ServiceTimeoutError, TransportError } from "../errors/clientErrors.js";
import { ServiceRequestError } from "../errors/serviceRequestError.js";
import type { RetryOptions } from "./retryOptions.js";

/**
 * The retry decision after a failed attempt (conformance rule `retry-decision`): undefined to throw now (attempts used
 * up, a failure not retried, or a server's hint longer than `maxDelay` or than what remains of the call), else the
 * server's hint in ms, or `hint: undefined` for the backoff.
 */
export function retryDecision(
  error: AstroTriggersError,
  attemptTimedOut: boolean,
  idempotent: boolean,
  retry: RetryOptions,
  attempts: number,
  remaining: number,
): { hint: number | undefined } | undefined {
  if (attempts >= retry.maxAttempts || !shouldRetry(error, attemptTimedOut, idempotent, retry)) return undefined;
  const hint = error instanceof ServiceRequestError ? error.retryAfter : undefined;
  if (hint !== undefined && (hint > retry.maxDelay || hint > remaining)) return undefined;
  return { hint };
}

/** Whether to try again (README "Retries"): reads on any transient failure, unsafe requests only when the service certainly did not act. */
export function shouldRetry(error: AstroTriggersError, attemptTimedOut: boolean, idempotent: boolean, retry: RetryOptions): boolean {
  const mayRepeatAmbiguous = idempotent || retry.retryUnsafeRequests;
  // By class, never by name: a ServiceTimeoutError is a TransportError, so it is decided first.
  if (error instanceof ServiceTimeoutError) return attemptTimedOut && mayRepeatAmbiguous;
  if (error instanceof ServiceRequestError) {
    const retryable = retry.retryableStatusCodes.includes(error.status) || (error.status === 500 && retry.retryInternalServerError);
    return retryable && (mayRepeatAmbiguous || error.status === 429 || (error.status === 503 && error.retryAfter !== undefined));
  }
  if (error instanceof TransportError) return !error.mayHaveBeenProcessed || mayRepeatAmbiguous;
  // An unreadable, oversized or malformed success body reads the same the next time.
  return false;
}

/** Exponential backoff: `baseDelay · 2^retryIndex`, capped at `maxDelay`, with 50–100 % jitter. */
export function backoff(retryIndex: number, retry: RetryOptions, random: () => number = Math.random): number {
  const capped = Math.min(retry.baseDelay * 2 ** Math.min(retryIndex, 30), retry.maxDelay);
  return retry.useJitter ? capped * (0.5 + random() * 0.5) : capped;
}
