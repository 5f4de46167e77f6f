import { AstroTriggersError, type ErrorDetails } from "./astroTriggersError.js";

/**
 * No HTTP response arrived: refused, reset, DNS failure, or the connection broke while the body was read.
 * `mayHaveReachedServer` says whether the service may have received the request.
 */
export class TransportError extends AstroTriggersError {
  /** False only when the connection was never established (refused, unresolved host): the service cannot have acted. */
  readonly mayHaveReachedServer: boolean;
  /** @param what - what failed; @param mayHaveReachedServer - see the property. */
  constructor(what: string, mayHaveReachedServer: boolean, details: ErrorDetails) {
    super(
      `${details.service} ${details.operationId}: ${what}. ` +
        (mayHaveReachedServer ? "The request may have reached the service." : "The request did not reach the service."),
      details,
    );
    this.mayHaveReachedServer = mayHaveReachedServer;
  }
}

/** An attempt (`retry.attemptTimeout`) or the whole call (`timeout`) ran out of time, a stalled body included. */
export class TimeoutError extends AstroTriggersError {
  /** The limit that ran out, in milliseconds. */
  readonly timeout: number;
  /** Whether the request may have reached the service (true once a connection was attempted). */
  readonly mayHaveReachedServer: boolean;
  /** @param timeout - ms; @param which - "attempt" or "call". */
  constructor(timeout: number, which: "attempt" | "call", mayHaveReachedServer: boolean, details: ErrorDetails) {
    super(
      `${details.service} ${details.operationId}: the ${which} timed out after ${timeout} ms. ` +
        (mayHaveReachedServer ? "The request may have reached the service." : "The request did not reach the service."),
      details,
    );
    this.timeout = timeout;
    this.mayHaveReachedServer = mayHaveReachedServer;
  }
}

/**
 * A 2xx answer whose body is not what the operation returns (not JSON, empty, the wrong shape). Not retried.
 * `mayHaveBeenProcessed` is always true (as C#'s ResponseDeserializationException): the service answered with
 * success, so it acted on the request; only its answer is lost. `status` is the 2xx received (201 for a create).
 */
export class ResponseDeserializationError extends AstroTriggersError {
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, { ...details, mayHaveBeenProcessed: true });
  }
}

/**
 * A success body exceeded `maxResponseBytes` (16 MiB by default), by its Content-Length or while streaming; it was
 * refused, not buffered. A kind of {@link ResponseDeserializationError} (as C#'s ResponseTooLargeException): the
 * service acted, so `mayHaveBeenProcessed` is true. Not retried.
 */
export class ResponseTooLargeError extends ResponseDeserializationError {
  /** The limit in bytes. */
  readonly maxResponseBytes: number;
  /** The Content-Length the service declared, or undefined for a body without one (refused once the count passed the limit). */
  readonly declaredLength: number | undefined;
  constructor(maxResponseBytes: number, declared: number | undefined, details: ErrorDetails) {
    super(
      `${details.service} ${details.operationId}: the response is larger than ${maxResponseBytes} bytes` +
        (declared === undefined ? " (refused while streaming)." : ` (Content-Length ${declared}).`),
      details,
    );
    this.maxResponseBytes = maxResponseBytes;
    this.declaredLength = declared;
  }
}

/** A paging service misbehaved: it repeated a cursor, or said more items follow without a cursor. */
export class PagingError extends AstroTriggersError {}

/** An argument broke a documented rule; thrown before any request is sent. `argument` names it. */
export class InvalidArgumentError extends AstroTriggersError {
  /** The argument's name, e.g. `"options.tenantId"`. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.argument = argument;
  }
}

/** The service has no way to do this (e.g. `cancel()` on an Agentset or Shipyard run). */
export class UnsupportedOperationError extends AstroTriggersError {}
