import type { TokenRefreshError } from "./auth/tokenRefreshError.js";
import type { Clock } from "./http/clock.js";
import type { ResponseInfo } from "./http/responseInfo.js";
import type { RetryOptions } from "./retry/retryOptions.js";

/**
 * Supplies a token for `Authorization: Bearer`. Called before each attempt with `forceRefresh` false, and once
 * with `true` after a 401 (the request is then repeated once). Every token it returns is masked in errors. If it
 * throws, the call fails with {@link TokenRefreshError} (the provider's error as `cause`; nothing sent, or the 401 not
 * repeated; `mayHaveBeenProcessed` false), not retried.
 */
export type TokenProvider = (forceRefresh: boolean, signal: AbortSignal) => string | Promise<string>;

/** Options every client takes. Times are milliseconds. */
export interface ClientOptions {
  /** The service's base URL; each client has its documented default except TrueFoundry (your control plane, required). Must be https unless loopback or `allowInsecureHttp`. */
  baseUrl?: string;
  /** The API key or token. Required unless `tokenProvider` is set. Never appears in any surfaced text. */
  apiKey?: string;
  /** A token source that may refresh (used instead of `apiKey`). */
  tokenProvider?: TokenProvider;
  /** Retry settings over the defaults (4 attempts, 0.5 s base doubling with jitter, 30 s max delay, 2 min budget, 30 s per attempt). */
  retry?: Partial<RetryOptions>;
  /** Overall limit of one call, all attempts and waits included. Default 100 000 ms. */
  timeout?: number;
  /** Largest response body read, enforced while streaming on the decoded bytes (a compressed body that inflates past it is refused, never buffered). Default 16 MiB. */
  maxResponseBytes?: number;
  /**
   * Ask for compressed answers: `Accept-Encoding: gzip, br`. The SDK's own transport decodes gzip, deflate and br
   * strictly: a body that ends before its end marker did not arrive whole (retried on reads, a TransportError that may
   * have been processed otherwise). `false` sends `Accept-Encoding: identity`. Default true.
   */
  compression?: boolean;
  /** Allow plain http to a non-loopback host. Default false. */
  allowInsecureHttp?: boolean;
  /**
   * The fetch implementation. Default: the SDK's own transport on `node:http`/`node:https` (keep-alive, 10 s connect
   * timeout, strict gzip/deflate/br decoding). A fetch you inject decodes as it does: Node's own `globalThis.fetch`
   * reads a compressed body cut before its end marker as a shorter, whole body, so such a truncation is caught only
   * when the shorter body is not valid JSON.
   */
  fetch?: typeof globalThis.fetch;
  /** Time source for waits and budgets; tests pass a virtual one. Default the system clock. */
  clock?: Clock;
  /**
   * Your application's name, put in front of the SDK's `User-Agent` (`my-pipeline astro-triggers-sdk-js/0.1.0 (Node
   * 20.20.2; linux)`) so the service can tell your calls apart. 1–24 characters, no spaces or control characters
   * (else `InvalidArgumentError("applicationId")` from the constructor). Default none: the SDK's own User-Agent only.
   */
  applicationId?: string;
  /**
   * Paces calls by the service's rate-limit headers (`X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`,
   * as Agentset sends on every answer): every call of this client shares one budget. A call is held only while the
   * service's latest answer says the window is spent (until its reset, or a 429's own hint, which wins over an older
   * window), or while the attempts in flight may take what is left (until their answers). The wait is part of the
   * call's `timeout` and `retry.maxElapsed`, never of `retry.attemptTimeout` and not capped by `retry.maxDelay`; a wait
   * that cannot fit in what remains ends the call, before anything is sent, with `PacedRateLimitError` (a
   * `RateLimitExceededError`: errorCode `rate_limit_paced`, `mayHaveBeenProcessed` false, `retryAfter` the wait). A
   * service that sends no such headers is not paced. Default true (C#: `ServiceClientOptions.RateLimitPacing`).
   */
  rateLimitPacing?: boolean;
}

/** Options of one call. */
export interface RequestOptions {
  /** Aborts the call (between and during attempts, pages and polls); the abort reason is thrown as is. */
  signal?: AbortSignal;
  /** Overall limit of this call in ms, instead of the client's. */
  timeout?: number;
  /** Retry settings for this call over the client's (e.g. `{ retryUnsafeRequests: true }`). */
  retry?: Partial<RetryOptions>;
  /**
   * Called with the status, headers, request id and rate-limit headers of every successful (2xx) response this call
   * reads (each attempt that succeeds, each page of a list, each status read and the cancel of a run started or
   * tracked with these options), before its body is read, as C#'s `RequestOptions.OnResponse`. Header values holding
   * the client's secrets are masked. Called synchronously (a returned promise is not awaited); if it throws, the call
   * ends with that error as it is: not wrapped, not retried (the service has answered). Default none.
   */
  onResponse?: (response: ResponseInfo) => void;
}
