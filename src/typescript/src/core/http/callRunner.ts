import { TokenRefreshError } from "../auth/tokenRefreshError.js";
import { AstroTriggersError, type ErrorDetails } from "../errors/astroTriggersError.js";
import { ResponseDeserializationError, ServiceTimeoutError, TransportError } from "../errors/clientErrors.js";
import { errorFromResponse } from "../errors/errorMapper.js";
import { ServiceRequestError } from "../errors/serviceRequestError.js";
import { acquireSlot, type RateLimitPacer } from "../retry/rateLimitPacer.js";
import type { RetryOptions } from "../retry/retryOptions.js";
import type { KnownSecrets } from "../security/knownSecrets.js";
import { redactUrl } from "../security/redactor.js";
import { type Clock, startTimer } from "./clock.js";
import type { OperationInfo } from "./operation.js";
import { BodyReadFailure, readBoundedBody } from "./responseBody.js";
import { notifyResponse, ResponseCallbackFailed, type ResponseInfo } from "./responseInfo.js";
import { jsonPathOfFailure } from "../json/jsonPath.js";
import { linkSignals } from "./signals.js";

/** Puts the credential on a request; `forceRefresh` asks a token provider for a new token (after a 401). */
export interface Credential {
  apply(headers: Headers, forceRefresh: boolean, signal: AbortSignal): Promise<void>;
  /** Whether a 401 may be answered by refreshing once (a token provider is configured). */
  readonly canRefresh: boolean;
}

/** Everything one call runs under, resolved from the client's options and the call's own. */
export interface CallSettings {
  retry: RetryOptions;
  /** Overall limit of the call in ms (all attempts and waits). */
  timeout: number;
  maxResponseBytes: number;
  /** `Accept-Encoding` of every attempt unless the request sets its own: `gzip, br`, or `identity` with compression off. */
  acceptEncoding: string;
  clock: Clock;
  secrets: KnownSecrets;
  credential: Credential;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal | undefined;
  /** `User-Agent` of every attempt (the client's `applicationId` first, when set). */
  userAgent: string;
  /** The call's `RequestOptions.onResponse`, told every 2xx answer before its body is read. */
  onResponse: ((response: ResponseInfo) => void) | undefined;
  /** The client's shared rate-limit budget (rateLimitPacer.ts); undefined with `rateLimitPacing` off. */
  pacer?: RateLimitPacer | undefined;
}

// Errors of one attempt before they are decided on.
class AttemptTimedOut extends Error {}
class CallTimedOut extends Error {}
// A failure before the request was handed to fetch (nothing sent): never "may have reached the service".
class NotSent extends Error {}
// UND_ERR_CONNECT_TIMEOUT: undici's (Node's fetch) connect timeout (10 s by default) ran out before the connection was
// established (TCP and TLS), so no byte of the request was written (issue 27, as the C# ConnectTimeout of issue 25).
const NEVER_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * Runs one SDK operation: `invoke` is handed a `fetch` for openapi-fetch, which performs every attempt itself
 * (send and body read, so a reset, stall or truncation while the body is read is retried like one before the
 * headers), maps a non-2xx answer to its typed error, applies the retry rules (README "Retries") and returns a
 * buffered response whose size was capped while streaming. Exactly one retry layer.
 * @throws AstroTriggersError subclasses; the caller's abort reason when `settings.signal` aborts.
 */
export async function runCall<R>(
  operation: OperationInfo,
  settings: CallSettings,
  invoke: (fetch: typeof globalThis.fetch) => Promise<R>,
): Promise<R> {
  const { retry, clock, secrets } = settings;
  const caller = settings.signal;
  caller?.throwIfAborted();
  // Elapsed time on the monotonic clock: a wall clock stepped by hours must not spend (or extend) the budget.
  const started = clock.monotonic();
  const budget = Math.min(settings.timeout, retry.maxElapsed);
  // One listener on the caller's signal for the call's duration, removed when it ends (no AbortSignal.any: see signals.ts).
  const call = linkSignals(caller);
  let callTimedOut = false;
  const cancelCallTimer = startTimer(clock, settings.timeout, () => {
    callTimedOut = true;
    call.abort(new CallTimedOut());
  });
  const callSignal = call.signal;
  let attempts = 0;
  let lastUrl = "";
  // The status of the last 2xx answer handed back, so an unreadable body names the status received (201 for a create).
  let lastStatus = 0;
  // Its body, so a body that is not JSON can say where reading stopped (ResponseDeserializationError.jsonPath).
  let lastBody: Uint8Array | undefined;
  const details = (extra: ErrorDetails = {}): ErrorDetails => ({
    service: operation.service,
    operationId: operation.operationId,
    method: operation.method,
    url: lastUrl ? secrets.mask(redactUrl(lastUrl)) : undefined,
    ...extra,
  });

  const runAttempts = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    lastUrl = request.url;
    const body = request.body ? await request.arrayBuffer() : undefined;
    for (;;) {
      // Paced inside the call's budget, before the attempt's own timeout starts; a paced refusal is never retried.
      const ticket = settings.pacer ? await acquireSlot(settings.pacer, { operation, remaining: () => budget - (clock.monotonic() - started), signal: callSignal, caller }) : 0;
      attempts++;
      try {
        return await attempt(request, body, ticket);
      } catch (raw) {
        if (raw instanceof ResponseCallbackFailed) throw raw;
        if (caller?.aborted) throw caller.reason;
        if (callTimedOut || raw instanceof CallTimedOut) {
          // As C#: the call's budget ran out during an attempt, so the request may have reached the service.
          throw new ServiceTimeoutError(settings.timeout, "call", details({ mayHaveBeenProcessed: attempts > 0, cause: raw }));
        }
        const error = toSdkError(raw);
        const delay = decide(error, raw instanceof AttemptTimedOut);
        if (delay === undefined) throw error;
        try {
          await clock.sleep(delay, callSignal);
        } catch (sleepError) {
          if (caller?.aborted) throw caller.reason;
          throw new ServiceTimeoutError(settings.timeout, "call", details({ mayHaveBeenProcessed: error.mayHaveBeenProcessed, cause: sleepError }));
        }
      }
    }
  };

  const attempt = async (request: Request, body: ArrayBuffer | undefined, ticket: number): Promise<Response> => {
    // Made inside the try, so the finally clears the timer and the listener whatever fails.
    let cancelTimer: (() => void) | undefined;
    const scope = linkSignals(callSignal);
    const signal = scope.signal;
    let phase: "prepare" | "connect" | "body" = "prepare";
    let answered = false;
    try {
      cancelTimer = startTimer(clock, retry.attemptTimeout, () => scope.abort(new AttemptTimedOut()));
      const headers = new Headers(request.headers);
      headers.set("user-agent", settings.userAgent);
      if (!headers.has("accept-encoding")) headers.set("accept-encoding", settings.acceptEncoding);
      // A token provider that throws is its own error (nothing was sent, or a 401 was not repeated), never a transport one.
      const authorize = async (forceRefresh: boolean) => {
        try {
          await settings.credential.apply(headers, forceRefresh, signal);
        } catch (error) {
          if (error instanceof AstroTriggersError || signal.aborted) throw error;
          throw new TokenRefreshError(forceRefresh, details({ cause: error }));
        }
      };
      await authorize(false);
      const send = () => {
        phase = "connect";
        return settings.fetch(request.url, { method: request.method, headers, body, redirect: "manual", signal });
      };
      let response = await send();
      if (response.status === 401 && settings.credential.canRefresh) {
        await response.body?.cancel().catch(() => {});
        await authorize(true);
        response = await send();
      }
      phase = "body";
      // Every answer (success, 429 or any error) updates the client's rate-limit picture.
      answered = true;
      settings.pacer?.observe(response.headers, response.status, ticket);
      if (response.status < 200 || response.status > 299) {
        throw await errorFromResponse(response, operation, request.url, secrets, clock.now(), signal);
      }
      lastStatus = response.status;
      if (settings.onResponse) await notifyResponse(settings.onResponse, operation, response, secrets);
      const bytes = (lastBody = await readBoundedBody(response, settings.maxResponseBytes, details({ status: response.status })));
      const out = new Headers(response.headers);
      out.delete("content-length");
      out.delete("content-encoding");
      out.delete("transfer-encoding");
      const nullBody = response.status === 204 || response.status === 205 || bytes.byteLength === 0;
      return new Response(nullBody ? null : (bytes as Uint8Array<ArrayBuffer>), { status: response.status, statusText: response.statusText, headers: out });
    } catch (error) {
      if (error instanceof AstroTriggersError || error instanceof ResponseCallbackFailed) throw error;
      if (signal.aborted) {
        // Which limit ended the attempt: the caller, the call's budget, or this attempt's own timeout.
        if (caller?.aborted) throw caller.reason;
        throw callTimedOut ? new CallTimedOut() : new AttemptTimedOut();
      }
      if (error instanceof BodyReadFailure) throw error;
      if (phase === "prepare") throw new NotSent(error instanceof Error ? error.message : String(error), { cause: error });
      throw phase === "body" ? new BodyReadFailure("the connection failed while the response body was being read", { cause: error }) : error;
    } finally {
      // No answer: the slot this attempt took no longer counts as in flight.
      if (!answered) settings.pacer?.abandon(ticket);
      cancelTimer?.();
      scope.dispose();
    }
  };

  const toSdkError = (raw: unknown): AstroTriggersError => {
    if (raw instanceof AstroTriggersError) return raw;
    if (raw instanceof AttemptTimedOut) {
      return new ServiceTimeoutError(retry.attemptTimeout, "attempt", details({ mayHaveBeenProcessed: true, cause: raw }));
    }
    if (raw instanceof NotSent) {
      return new TransportError(`the request could not be sent: ${secrets.mask(raw.message)}`, details({ mayHaveBeenProcessed: false, cause: raw.cause }));
    }
    if (raw instanceof BodyReadFailure) {
      return new TransportError(raw.message, details({ mayHaveBeenProcessed: true, cause: raw.cause }));
    }
    const never = neverConnected(raw);
    // One flag, as C#: false only when the connection was never established; a read's reset may have reached the service too.
    return new TransportError(secrets.mask(describe(raw, never)), details({ mayHaveBeenProcessed: !never, cause: raw }));
  };

  /** The wait before the next attempt in ms, or undefined to throw now. */
  const decide = (error: AstroTriggersError, attemptTimedOut: boolean): number | undefined => {
    const remaining = budget - (clock.monotonic() - started);
    const decision = retryDecision(error, attemptTimedOut, operation.idempotent, retry, attempts, remaining);
    if (decision === undefined) return undefined;
    const wait = decision.hint ?? backoff(attempts - 1, retry);
    return wait > remaining ? undefined : wait;
  };

  try {
    return await invoke(runAttempts);
  } catch (error) {
    if (error instanceof ResponseCallbackFailed) throw error.cause;
    if (error instanceof SyntaxError) {
      throw new ResponseDeserializationError(
        `${operation.service} ${operation.operationId}: the response body is not valid JSON (${secrets.mask(error.message)}).`,
        details({ status: lastStatus || 200, cause: error }),
        lastBody && jsonPathOfFailure(new TextDecoder().decode(lastBody)),
      );
    }
    throw error;
  } finally {
    cancelCallTimer();
    call.dispose();
  }
}

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

function errorCode(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const node = e as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof node.code === "string") codes.push(node.code);
    if (Array.isArray(node.errors)) for (const inner of node.errors) codes.push(...errorCode(inner));
    e = node.cause;
  }
  return codes;
}

/** The connection was never established (refused, host not found/unreachable, connect timeout): the service cannot have acted. */
export function neverConnected(error: unknown): boolean {
  return errorCode(error).some((c) => NEVER_CONNECTED.has(c));
}

function describe(error: unknown, never: boolean): string {
  const codes = errorCode(error);
  if (never) {
    if (codes.includes("ENOTFOUND") || codes.includes("EAI_AGAIN")) return "the host name could not be resolved";
    return codes.includes("UND_ERR_CONNECT_TIMEOUT") ? "no connection was established within the connect timeout" : "the connection was refused";
  }
  if (codes.includes("ECONNRESET") || codes.includes("UND_ERR_SOCKET")) return "the connection was reset before a complete response";
  return `the request failed: ${error instanceof Error ? error.message : String(error)}${codes.length ? ` (${codes.join(", ")})` : ""}`;
}
