import { REQUEST_ID_HEADERS } from "../errors/errorMapper.js";
import { UNIX_MS_THRESHOLD, UNIX_S_THRESHOLD } from "../retry/retryAfter.js";
import type { KnownSecrets } from "../security/knownSecrets.js";
import type { OperationInfo } from "./operation.js";

/**
 * What a successful response said besides its body, given to `RequestOptions.onResponse` (as C#'s `ResponseInfo`):
 * the status, every header (values holding the client's secrets masked), the request id and the rate-limit headers.
 * Built by the client; the constructor is public for users' own tests.
 */
export class ResponseInfo {
  /** The service that answered, e.g. `"Agentset"`. */
  readonly service: string;
  /** The OpenAPI operationId of the call, e.g. `"getIngestJob"`. */
  readonly operationId: string;
  /** The HTTP status (2xx). */
  readonly status: number;
  /** Every response header, by name (case-insensitive, as fetch's `Headers`), secrets masked. */
  readonly headers: Headers;

  /**
   * @param service - the service that answered. @param operationId - the OpenAPI operationId of the call.
   * @param status - the HTTP status. @param headers - the response headers (copied).
   */
  constructor(service: string, operationId: string, status: number, headers: HeadersInit) {
    this.service = service;
    this.operationId = operationId;
    this.status = status;
    this.headers = new Headers(headers);
  }

  /** The request id from `x-request-id` (or `request-id`, `x-correlation-id`, `x-amzn-requestid`); undefined when the service sent none. */
  get requestId(): string | undefined {
    for (const name of REQUEST_ID_HEADERS) {
      const value = this.header(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** `X-RateLimit-Limit`: requests allowed per window, when sent (Agentset sends it on every answer). */
  get rateLimitLimit(): number | undefined {
    return this.#number("x-ratelimit-limit");
  }

  /** `X-RateLimit-Remaining`: requests left in the window, when sent. */
  get rateLimitRemaining(): number | undefined {
    return this.#number("x-ratelimit-remaining");
  }

  /** `X-RateLimit-Reset` as a moment: Unix milliseconds (Agentset) or seconds, told apart by size; undefined when absent or a delay rather than a moment. */
  get rateLimitReset(): Date | undefined {
    const value = this.#number("x-ratelimit-reset");
    if (value === undefined) return undefined;
    if (value >= UNIX_MS_THRESHOLD) return new Date(value);
    return value >= UNIX_S_THRESHOLD ? new Date(value * 1000) : undefined;
  }

  /** A header's value (several values of one name joined with `", "`, as fetch does), or undefined when absent. @param name - case-insensitive. */
  header(name: string): string | undefined {
    return this.headers.get(name) ?? undefined;
  }

  /** The status and operation, for logs, e.g. `Agentset getIngestJob: HTTP 200`. */
  toString(): string {
    return `${this.service} ${this.operationId}: HTTP ${this.status}`;
  }

  #number(name: string): number | undefined {
    const raw = this.header(name)?.trim();
    return raw !== undefined && /^[+-]?\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  }
}

/** @internal The caller's `onResponse` threw: the call ends with its error as it is (see `notifyResponse`). */
export class ResponseCallbackFailed extends Error {}

/**
 * @internal Tells the caller's `onResponse` about a 2xx answer, before its body is read (as C#'s CallContext.Notify).
 * If the callback throws, the body is discarded and a {@link ResponseCallbackFailed} carries its error to the call
 * runner, which throws it as it is: not wrapped, not retried (the service has answered), as in C#.
 * @returns undefined when the callback returned (no promise on the common path), else a promise rejected with the
 * {@link ResponseCallbackFailed}, settled once the body is cancelled.
 */
export function notifyResponse(
  onResponse: (response: ResponseInfo) => void,
  operation: OperationInfo,
  response: Response,
  secrets: KnownSecrets,
): Promise<never> | undefined {
  const headers = new Headers();
  response.headers.forEach((value, name) => headers.append(name, secrets.mask(value)));
  try {
    onResponse(new ResponseInfo(operation.service, operation.operationId, response.status, headers));
    return undefined;
  } catch (error) {
    const failed = new ResponseCallbackFailed("onResponse threw", { cause: error });
    const cancelled = response.body ? response.body.cancel().catch(() => {}) : Promise.resolve();
    return cancelled.then(() => Promise.reject(failed));
  }
}
