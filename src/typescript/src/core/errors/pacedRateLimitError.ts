import { RateLimitExceededError } from "./statusErrors.js";

/**
 * The client's own 429, raised before anything is sent: the service's last answer said this client's rate-limit window
 * is spent (`X-RateLimit-Remaining: 0`, or a 429 with its hint) until a moment the call cannot wait for within what is
 * left of its `timeout` and `retry.maxElapsed`, or the call's budget ran out while it queued behind the attempts in
 * flight. Thrown only with `ClientOptions.rateLimitPacing` on (the default).
 *
 * `mayHaveBeenProcessed` is always false (nothing reached the service: a create or trigger is safe to send again),
 * `status` is 429, `errorCode` is {@link PacedRateLimitError.errorCodeValue} (`rate_limit_paced`) and `retryAfter` is
 * how long (ms) until the window resets (or until the client's picture of it may change). It extends
 * {@link RateLimitExceededError}, so code that handles the service's 429 handles this one too; test `instanceof
 * PacedRateLimitError` (or `errorCode`) to tell "the client held it back" from "the service refused it". The SDK never
 * retries it: the wait did not fit the call's budget. (C#: `PacedRateLimitException`.)
 */
export class PacedRateLimitError extends RateLimitExceededError {
  /** The `errorCode` of a call ended by the client's pacing (C#: `PacedRateLimitException.ErrorCodeValue`). */
  static readonly errorCodeValue = "rate_limit_paced";

  /**
   * Creates the error (for users' own tests; the SDK raises it itself).
   * @param service - the service called, e.g. `Agentset`. @param operationId - the OpenAPI operationId.
   * @param method - the HTTP method the request would have used. @param retryAfter - ms until the window resets.
   */
  constructor(service: string, operationId: string, method: string, retryAfter: number) {
    super({
      service,
      operationId,
      method,
      status: 429,
      errorCode: PacedRateLimitError.errorCodeValue,
      serviceMessage: "not sent: the service's rate-limit budget for this client is spent",
      retryAfter,
      mayHaveBeenProcessed: false,
    });
    // Says what happened in the client's words: no request went out, so the service's message template does not fit.
    this.message =
      `${service} ${operationId} was not sent (client-side rate-limit pacing, ${PacedRateLimitError.errorCodeValue}): the service's ` +
      `rate-limit budget for this client is spent and resets in ${Math.ceil(retryAfter)} ms, later than the call's remaining time ` +
      "budget allows. Nothing reached the service; it is safe to try again after the reset.";
  }
}
