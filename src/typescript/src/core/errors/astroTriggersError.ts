/**
 * What every error of this SDK carries. `status` is 0 when no HTTP response arrived (transport, timeout,
 * argument, paging and run errors).
 */
export interface ErrorDetails {
  /** Service name, e.g. `"Agentset"`; empty for errors that belong to no service call. */
  service?: string;
  /** The OpenAPI `operationId` of the call, e.g. `"createIngestJob"`. */
  operationId?: string;
  /** HTTP status of the answer; 0 when none arrived. */
  status?: number;
  /** The service's own error code from the body (`error.code`, `code`, `error.type`), when present. */
  errorCode?: string;
  /** The service's own message from the body, secrets masked. */
  serviceMessage?: string;
  /** Request id from the body (`request_id`, `request.id`) or a `x-request-id`-style header. */
  requestId?: string;
  /** HTTP method of the call. */
  method?: string;
  /** The request URL with credentials and secret query parameters replaced by `***`. */
  url?: string;
  /** The response body as text, at most 16 KB (then `…(truncated)`), secrets masked. */
  rawBody?: string;
  /** Whether the service may have acted on a request that is not safe to repeat; the SDK did not repeat it. */
  mayHaveBeenProcessed?: boolean;
  /** The underlying error (a fetch `TypeError`, a `SyntaxError`, …). */
  cause?: unknown;
}

/**
 * The one root of every error the SDK throws: typed HTTP errors ({@link ServiceRequestError} and its
 * per-status subclasses), transport errors (timeouts among them), deserialization, paging, argument and run errors.
 * A caller's own abort is not wrapped: it surfaces as the signal's `reason` (an `AbortError` by default).
 */
export class AstroTriggersError extends Error {
  /** Service name, e.g. `"Agentset"`; empty when the error belongs to no service call. */
  readonly service: string;
  /** The OpenAPI `operationId` of the call; empty when none. */
  readonly operationId: string;
  /** HTTP status of the answer; 0 when no response arrived. */
  readonly status: number;
  /** The service's own error code, when the body carried one. */
  readonly errorCode: string | undefined;
  /** The service's own error message, secrets masked. */
  readonly serviceMessage: string | undefined;
  /** Request id from the body or the response headers. */
  readonly requestId: string | undefined;
  /** HTTP method of the call, when there was one. */
  readonly method: string | undefined;
  /** Redacted request URL. */
  readonly url: string | undefined;
  /** Response body text, ≤ 16 KB, secrets masked. */
  readonly rawBody: string | undefined;
  /**
   * The one flag (as C#'s MayHaveBeenProcessed): true when the service may have acted on the request — a create or
   * start that got an ambiguous answer (500, 502, 504), no answer after the request may have been sent (a transport
   * error or timeout; false only when the connection was never established), a success answer whose body could not be
   * read, or a run that was started. The SDK never repeats such a request on its own; check before starting again.
   */
  readonly mayHaveBeenProcessed: boolean;

  /** @param message - the full, already masked message. @param details - see {@link ErrorDetails}. */
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.service = details.service ?? "";
    this.operationId = details.operationId ?? "";
    this.status = details.status ?? 0;
    this.errorCode = details.errorCode;
    this.serviceMessage = details.serviceMessage;
    this.requestId = details.requestId;
    this.method = details.method;
    this.url = details.url;
    this.rawBody = details.rawBody;
    this.mayHaveBeenProcessed = details.mayHaveBeenProcessed ?? false;
  }
}
