import { AstroTriggersError, type ErrorDetails } from "../errors/astroTriggersError.js";

/**
 * The `tokenProvider` threw (as C#'s TokenRefreshException): asked for a token before a request (`status` 0: the
 * request was not sent) or for a new one after a 401 (`status` 401: the request was not repeated). Either way the
 * service did not act, so `mayHaveBeenProcessed` is false; `cause` is what the provider threw. Not retried.
 */
export class TokenRefreshError extends AstroTriggersError {
  /** @param afterUnauthorized - whether the provider was asked to refresh after a 401. @param details - the call's. */
  constructor(afterUnauthorized: boolean, details: ErrorDetails) {
    const thrown = details.cause instanceof Error ? details.cause.name : typeof details.cause;
    super(
      `${details.service} ${details.operationId}: ` +
        (afterUnauthorized
          ? `the service rejected the credential (401) and the token provider threw ${thrown} while refreshing it; the request was not repeated.`
          : `the token provider threw ${thrown} while supplying a token; the request was not sent.`) +
        " See the cause.",
      { ...details, status: afterUnauthorized ? 401 : 0, mayHaveBeenProcessed: false },
    );
  }
}
