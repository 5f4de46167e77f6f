import { TokenRefreshError } from "../auth/tokenRefreshError.js";
import { AstroTriggersError, type ErrorDetails } from "../errors/astroTriggersError.js";
import { ResponseDeserializationError, ServiceTimeoutError, TransportError } from "../errors/clientErrors.js";
import { errorFromResponse } from "../errors/errorMapper.js";
import type { RetryOptions } from "../retry/retryOptions.js";
import { backoff, retryDecision } from "../retry/retryPolicy.js";
import type { KnownSecrets } from "../security/knownSecrets.js";
import { redactUrl } from "../security/redactor.js";
import { type Clock, startTimer } from "./clock.js";
import type { OperationInfo } from "./operation.js";
import { BodyReadFailure, readBoundedBody } from "./responseBody.js";
import { linkSignals } from "./signals.js";
import { describeTransportFailure, neverConnected } from "./transportFailure.js";
import { userAgent } from "./userAgent.js";

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
}

// Errors of one attempt before they are decided on.
class AttemptTimedOut extends Error {}
class CallTimedOut extends Error {}
// A failure before the request was handed to fetch (nothing sent): never "may have reached the service".
class NotSent extends Error {}

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
      attempts++;
      try {
        return await attempt(request, body);
      } catch (raw) {
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

  const attempt = async (request: Request, body: ArrayBuffer | undefined): Promise<Response> => {
    // Made inside the try, so the finally clears the timer and the listener whatever fails.
    let cancelTimer: (() => void) | undefined;
    const scope = linkSignals(callSignal);
    const signal = scope.signal;
    let phase: "prepare" | "connect" | "body" = "prepare";
    try {
      cancelTimer = startTimer(clock, retry.attemptTimeout, () => scope.abort(new AttemptTimedOut()));
      const headers = new Headers(request.headers);
      headers.set("user-agent", userAgent);
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
      if (response.status < 200 || response.status > 299) {
        throw await errorFromResponse(response, operation, request.url, secrets, clock.now(), signal);
      }
      lastStatus = response.status;
      const bytes = await readBoundedBody(response, settings.maxResponseBytes, details({ status: response.status }));
      const out = new Headers(response.headers);
      out.delete("content-length");
      out.delete("content-encoding");
      out.delete("transfer-encoding");
      const nullBody = response.status === 204 || response.status === 205 || bytes.byteLength === 0;
      return new Response(nullBody ? null : (bytes as Uint8Array<ArrayBuffer>), { status: response.status, statusText: response.statusText, headers: out });
    } catch (error) {
      if (error instanceof AstroTriggersError) throw error;
      if (signal.aborted) {
        // Which limit ended the attempt: the caller, the call's budget, or this attempt's own timeout.
        if (caller?.aborted) throw caller.reason;
        throw callTimedOut ? new CallTimedOut() : new AttemptTimedOut();
      }
      if (error instanceof BodyReadFailure) throw error;
      if (phase === "prepare") throw new NotSent(error instanceof Error ? error.message : String(error), { cause: error });
      throw phase === "body" ? new BodyReadFailure("the connection failed while the response body was being read", { cause: error }) : error;
    } finally {
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
    return new TransportError(secrets.mask(describeTransportFailure(raw, never)), details({ mayHaveBeenProcessed: !never, cause: raw }));
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
    if (error instanceof SyntaxError) {
      throw new ResponseDeserializationError(
        `${operation.service} ${operation.operationId}: the response body is not valid JSON (${secrets.mask(error.message)}).`,
        details({ status: lastStatus || 200, cause: error }),
      );
    }
    throw error;
  } finally {
    cancelCallTimer();
    call.dispose();
  }
}
