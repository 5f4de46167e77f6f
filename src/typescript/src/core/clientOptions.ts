import type { TokenRefreshError } from "./auth/tokenRefreshError.js";
import type { Clock } from "./http/clock.js";
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
}

/** Options of one call. */
export interface RequestOptions {
  /** Aborts the call (between and during attempts, pages and polls); the abort reason is thrown as is. */
  signal?: AbortSignal;
  /** Overall limit of this call in ms, instead of the client's. */
  timeout?: number;
  /** Retry settings for this call over the client's (e.g. `{ retryUnsafeRequests: true }`). */
  retry?: Partial<RetryOptions>;
}
