import { AstroTriggersError, type ErrorDetails } from "./astroTriggersError.js";

/**
 * No HTTP response arrived: refused, reset, DNS failure, or the connection broke while the body was read (as C#'s
 * ServiceTransportException). `mayHaveBeenProcessed` is the one flag: false only when the request certainly never
 * reached the service (the connection was never established); true when it may have, so a create or start may have
 * been acted on. `status` is 0.
 */
export class TransportError extends AstroTriggersError {
  /** @param what - what failed. @param details - the call's; `mayHaveBeenProcessed` as above. */
  constructor(what: string, details: ErrorDetails) {
    super(
      `${details.service} ${details.operationId}: ${what}. ` +
        (details.mayHaveBeenProcessed ? "The request may have reached the service." : "The request did not reach the service."),
      { ...details, status: 0 },
    );
  }
}

/**
 * An attempt (`retry.attemptTimeout`) or the whole call (`timeout`) ran out of time, a stalled body included. A kind
 * of {@link TransportError} (as C#'s ServiceTimeoutException): catching `TransportError` catches it too. Its name is
 * not the `"TimeoutError"` of the `DOMException` that `AbortSignal.timeout()` throws; a caller's own signal, a
 * timeout signal included, still surfaces as that signal's reason, never as this.
 */
export class ServiceTimeoutError extends TransportError {
  /** The limit that ran out, in milliseconds. */
  readonly timeout: number;
  /** @param timeout - ms; @param which - "attempt" or "call"; @param details - `mayHaveBeenProcessed` as on {@link TransportError}. */
  constructor(timeout: number, which: "attempt" | "call", details: ErrorDetails) {
    super(`the ${which} timed out after ${timeout} ms`, details);
    this.timeout = timeout;
  }
}

/**
 * A 2xx answer whose body is not what the operation returns (not JSON, empty, the wrong shape). Not retried.
 * `mayHaveBeenProcessed` is always true (as C#'s ResponseDeserializationException): the service answered with
 * success, so it acted on the request; only its answer is lost. `status` is the 2xx received (201 for a create).
 */
export class ResponseDeserializationError extends AstroTriggersError {
  /**
   * Where in the body reading stopped, as a JSON path in C#'s form (`$`, `$.data.createdAt`, `$.data[2]`), as C#'s
   * `ResponseDeserializationException.JsonPath`: for a body that is not JSON (or was cut short) the value being read
   * when it broke off (`$` when it is not JSON at all); for a required field missing or of the wrong type, the object
   * that was checked (`$`), the message naming what was expected. Undefined for an empty body, a run id the answer
   * names but the SDK cannot use, and a too-large body (as in C#, where no parser said where).
   */
  readonly jsonPath: string | undefined;
  /** @param message - what was wrong. @param details - the call's. @param jsonPath - where reading stopped, when known. */
  constructor(message: string, details: ErrorDetails = {}, jsonPath?: string) {
    super(message, { ...details, mayHaveBeenProcessed: true });
    this.jsonPath = jsonPath;
  }
}

/**
 * A success body exceeded `maxResponseBytes` (16 MiB by default), by its Content-Length or while streaming; it was
 * refused, not buffered. A kind of {@link ResponseDeserializationError} (as C#'s ResponseTooLargeException): the
 * service acted, so `mayHaveBeenProcessed` is true. Not retried.
 */
export class ResponseTooLargeError extends ResponseDeserializationError {
  /** The limit in bytes: the client's `maxResponseBytes` (as C#'s `ResponseTooLargeException.Limit`). */
  readonly limit: number;
  /** The Content-Length the service declared, or undefined for a body without one (refused once the count passed the limit). */
  readonly declaredLength: number | undefined;
  /** @param limit - the limit in bytes. @param declared - the declared Content-Length, if any. @param details - the call's. */
  constructor(limit: number, declared: number | undefined, details: ErrorDetails) {
    super(
      `${details.service} ${details.operationId}: the response is larger than ${limit} bytes` +
        (declared === undefined ? " (refused while streaming)." : ` (Content-Length ${declared}).`),
      details,
    );
    this.limit = limit;
    this.declaredLength = declared;
  }
}

/**
 * A paging service broke its own contract: it repeated a cursor, said more items follow without a cursor, or ignored
 * the offset; the walk stops instead of looping or ending early. As C#'s PagingException: it carries the service and
 * the list operation (empty when the list does not know them), `status` 0 (every page was answered with success) and
 * `mayHaveBeenProcessed` false (lists only read).
 */
export class PagingError extends AstroTriggersError {
  /** @param message - what the service did wrong. @param details - the list's service and operation (e.g. `"TrueFoundry"`, `"listJobRuns"`). */
  constructor(message: string, details: { service?: string; operationId?: string } = {}) {
    super(message, { service: details.service ?? "", operationId: details.operationId ?? "", status: 0, mayHaveBeenProcessed: false });
  }
}

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
