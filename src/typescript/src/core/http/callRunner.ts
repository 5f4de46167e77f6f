import { TokenRefreshError } from "../auth/tokenRefreshError.js";
import { AstroTriggersError, type ErrorDetails } from "../errors/astroTriggersError.js";
import { ResponseDeserializationError, ServiceTimeoutError, TransportError } from "../errors/clientErrors.js";
import { errorFromResponse } from "../errors/errorMapper.js";
import { jsonPathOfFailure } from "../json/jsonPath.js";
import { acquireSlot, pacingDecision, type RateLimitPacer } from "../retry/rateLimitPacer.js";
import type { RetryOptions } from "../retry/retryOptions.js";
import { backoff, retryDecision } from "../retry/retryPolicy.js";
import type { KnownSecrets } from "../security/knownSecrets.js";
import { redactUrl } from "../security/redactor.js";
import { type Clock, startTimer } from "./clock.js";
import { delayLimitAt } from "./delayLimit.js";
import { BodyReadFailure, readSuccessBody } from "./responseBody.js";
import { CompressedBodyError } from "./transport/decodeBody.js";
import { releaseController, takeController } from "./signals.js";
import { notifyResponse, ResponseCallbackFailed, type ResponseInfo } from "./responseInfo.js";
import { describeTransportFailure, neverConnected } from "./transportFailure.js";
import type { WireAnswer, WireOperation } from "./wireOperation.js";
import type { PreparedRequest } from "./wireRequest.js";

/** Puts the credential on a request's headers; `forceRefresh` asks a token provider for a new token (after a 401). */
export interface Credential {
  /** Sets the credential header; returns a promise only when it has to wait (a token provider), so a static key costs no await. */
  apply(headers: Record<string, string>, forceRefresh: boolean, signal: AbortSignal): void | Promise<void>;
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

// The pacer's waits end early only for the caller: its waits are capped at what is left of the call's budget.
const NEVER_ABORTED = new AbortController().signal;

// Why an attempt's signal was aborted by the runner itself (a caller's abort carries the caller's reason); errors, as a
// user's fetch or token provider may see them as the signal's reason.
class AttemptTimedOut extends Error {}
class CallTimedOut extends Error {}
// A failure before the request was handed to fetch (nothing sent): never "may have reached the service".
class NotSent extends Error {}

/**
 * Runs one SDK operation: every attempt sends `request` through `settings.fetch` and reads the whole body (so a
 * reset, stall or truncation while the body is read is retried like one before the headers), maps a non-2xx answer
 * to its typed error, applies the retry rules (README "Retries") and returns the status, headers and the body read
 * as the operation says (JSON parsed, text, or undefined when empty), its size capped while streaming. Exactly one
 * retry layer.
 *
 * Lean by design (issue 27 §3): one AbortController and one timer per attempt, armed for the attempt's timeout or what
 * is left of the call's, whichever ends first (on the clock's shared timer); a listener on the caller's signal only
 * while an attempt runs; headers as a plain object; no Request, Headers or Response copies; the pacer asked
 * synchronously, so a "go" costs no promise (only a wait is awaited).
 * @throws AstroTriggersError subclasses; the caller's abort reason when `settings.signal` aborts.
 */
export async function runCall(
  operation: WireOperation,
  settings: CallSettings,
  request: PreparedRequest,
  discardBody = false,
): Promise<WireAnswer<unknown>> {
  const { retry, clock } = settings;
  const caller = settings.signal;
  caller?.throwIfAborted();
  // Elapsed time on the monotonic clock: a wall clock stepped by hours must not spend (or extend) the budget.
  const started = clock.monotonic();
  const budget = Math.min(settings.timeout, retry.maxElapsed);
  // A run wait's deadline, taken when the call starts: sleeps (the pacer's wait, a retry's delay) never end past it,
  // so a read inside a wait cannot outlive the wait; attempts themselves are bounded only by the call's own timeouts.
  const limitAt = delayLimitAt(clock);
  // What is left for sleeping: the call's budget or the delay limit, whichever ends first.
  const room = (elapsed: number) => Math.min(budget - elapsed, limitAt - (started + elapsed));

  const details = (extra: ErrorDetails): ErrorDetails => ({
    service: operation.service,
    operationId: operation.operationId,
    method: operation.method,
    url: settings.secrets.mask(redactUrl(request.url)),
    ...extra,
  });
  let attempts = 0;
  let previous: AstroTriggersError | undefined;
  for (;;) {
    // Paced inside the call's budget, before the attempt's own timeout starts; a paced refusal is never retried. The
    // pacer is asked here, synchronously: only a call that has to wait (or is refused) goes through acquireSlot.
    const pacer = settings.pacer;
    let elapsed = clock.monotonic() - started;
    let ticket = 0;
    if (pacer) {
      const decision = pacingDecision(pacer, room(elapsed));
      if (decision.kind === "go") ticket = decision.ticket;
      else {
        const call = { operation, remaining: () => room(clock.monotonic() - started), signal: caller ?? NEVER_ABORTED, caller };
        ticket = await acquireSlot(pacer, call, decision);
        elapsed = clock.monotonic() - started;
      }
    }
    const left = settings.timeout - elapsed;
    if (left <= 0) {
      settings.pacer?.abandon(ticket);
      throw new ServiceTimeoutError(settings.timeout, "call", details({ mayHaveBeenProcessed: previous?.mayHaveBeenProcessed ?? false }));
    }
    attempts++;
    let error: AstroTriggersError;
    let attemptTimedOut = false;
    try {
      // A fresh header object per attempt (the fetch may keep or change the one it was given).
      const headers = baseHeaders(request, settings.userAgent, settings.acceptEncoding);
      const answer = await attempt(operation, settings, request, headers, left, details, ticket);
      return discardBody || answer.text === "" ? { status: answer.status, headers: answer.headers, data: undefined } : parse(operation, answer, settings.secrets, details);
    } catch (raw) {
      // A user's onResponse that throws ends the call with its own error, never retried.
      if (raw instanceof ResponseCallbackFailed) throw raw.cause;
      if (caller?.aborted) throw caller.reason;
      if (raw instanceof CallTimedOut) {
        // As C#: the call's budget ran out during an attempt, so the request may have reached the service.
        throw new ServiceTimeoutError(settings.timeout, "call", details({ mayHaveBeenProcessed: true, cause: raw }));
      }
      attemptTimedOut = raw instanceof AttemptTimedOut;
      error = toSdkError(raw, retry, settings.secrets, details);
    }
    // A delay ending past the delay limit is treated as one past the budget: the last failure is thrown at once.
    const remaining = room(clock.monotonic() - started);
    const decision = retryDecision(error, attemptTimedOut, operation.idempotent, retry, attempts, remaining);
    const wait = decision === undefined ? undefined : (decision.hint ?? backoff(attempts - 1, retry));
    if (wait === undefined || wait > remaining) throw error;
    previous = error;
    try {
      await clock.sleep(wait, caller);
    } catch (sleepError) {
      if (caller?.aborted) throw caller.reason;
      throw new ServiceTimeoutError(settings.timeout, "call", details({ mayHaveBeenProcessed: error.mayHaveBeenProcessed, cause: sleepError }));
    }
  }
}

interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** The headers every attempt of a call sends, before the credential: the operation's own, User-Agent, Accept-Encoding. */
function baseHeaders(request: PreparedRequest, userAgent: string, acceptEncoding: string): Record<string, string> {
  // A literal first, then the operation's own headers copied in: spreading a request's headers object (whose shape
  // differs by operation) into a new one took the slow path and cost a create ~1.5 µs. The request's own
  // Accept-Encoding wins; the User-Agent is always the SDK's.
  const headers: Record<string, string> = { "user-agent": userAgent, "accept-encoding": acceptEncoding };
  const own = request.headers;
  for (const name in own) headers[name] = own[name]!;
  headers["user-agent"] = userAgent;
  return headers;
}

/** One attempt: send, refresh once on a 401 when a provider can, map a non-2xx answer, read the body whole and capped. */
async function attempt(
  operation: WireOperation,
  settings: CallSettings,
  request: PreparedRequest,
  headers: Record<string, string>,
  callLeft: number,
  details: (extra: ErrorDetails) => ErrorDetails,
  ticket: number,
): Promise<RawAnswer> {
  const caller = settings.signal;
  let controller: AbortController | undefined;
  let signal: AbortSignal | undefined;
  let cancelTimer: (() => void) | undefined;
  let onAbort: (() => void) | undefined;
  let phase: "prepare" | "connect" | "body" = "prepare";
  let answered = false;
  try {
    // Made inside the try, so a runtime that refuses any of it is "not sent" and the finally clears what was made.
    const attemptController = (controller = takeController());
    signal = attemptController.signal;
    // One timer: the attempt's own timeout, or the rest of the call's when that ends first.
    const callEnds = callLeft <= settings.retry.attemptTimeout;
    cancelTimer = startTimer(settings.clock, callEnds ? callLeft : settings.retry.attemptTimeout, () =>
      attemptController.abort(callEnds ? new CallTimedOut() : new AttemptTimedOut()),
    );
    if (caller) {
      onAbort = () => attemptController.abort(caller.reason);
      caller.addEventListener("abort", onAbort, { once: true });
    }
    // A static key is set synchronously; only a token provider costs an await.
    const pending = authorize(settings, headers, false, signal, details);
    if (pending) await pending;
    phase = "connect";
    const init: RequestInit = { method: operation.method, headers, body: request.body, redirect: "manual", signal };
    let response = await settings.fetch(request.url, init);
    if (response.status === 401 && settings.credential.canRefresh) {
      await response.body?.cancel().catch(() => {});
      await authorize(settings, headers, true, signal, details);
      phase = "connect";
      response = await settings.fetch(request.url, init);
    }
    phase = "body";
    const status = response.status;
    // Every answer (success, 429 or any error) updates the client's rate-limit picture.
    answered = true;
    settings.pacer?.observe(response.headers, status, ticket);
    if (status < 200 || status > 299) {
      throw await errorFromResponse(response, operation, request.url, settings.secrets, settings.clock.now(), signal);
    }
    if (settings.onResponse) {
      const failed = notifyResponse(settings.onResponse, operation, response, settings.secrets);
      if (failed) await failed;
    }
    const text = await readSuccessBody(response, settings.maxResponseBytes, () => details({ status }));
    return { status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof AstroTriggersError || error instanceof ResponseCallbackFailed) throw error;
    if (signal?.aborted) {
      // Which limit ended the attempt: the caller (its reason, rethrown by runCall), the call's budget, or this attempt's own timeout.
      throw signal.reason instanceof CallTimedOut || signal.reason instanceof AttemptTimedOut ? signal.reason : error;
    }
    if (error instanceof BodyReadFailure) throw error;
    if (phase === "prepare") throw new NotSent(error instanceof Error ? error.message : String(error), { cause: error });
    if (phase !== "body") throw error;
    // A compressed body cut short says so; any other failure of the read is the connection's.
    const message = error instanceof CompressedBodyError ? error.message : "the connection failed while the response body was being read";
    throw new BodyReadFailure(message, { cause: error });
  } finally {
    // No answer: the slot this attempt took no longer counts as in flight.
    if (!answered) settings.pacer?.abandon(ticket);
    cancelTimer?.();
    if (onAbort) caller!.removeEventListener("abort", onAbort);
    if (controller) releaseController(controller);
  }
}

/**
 * Puts the credential on `headers`: undefined when done synchronously (a static key), else a promise. A token provider
 * that throws is its own error (nothing was sent, or a 401 was not repeated), never a transport one.
 */
function authorize(
  settings: CallSettings,
  headers: Record<string, string>,
  forceRefresh: boolean,
  signal: AbortSignal,
  details: (extra: ErrorDetails) => ErrorDetails,
): Promise<void> | undefined {
  const failed = (error: unknown): never => {
    if (error instanceof AstroTriggersError || signal.aborted) throw error;
    throw new TokenRefreshError(forceRefresh, details({ cause: error }));
  };
  try {
    const pending = settings.credential.apply(headers, forceRefresh, signal);
    return pending ? pending.then(undefined, failed) : undefined;
  } catch (error) {
    return failed(error);
  }
}

/** The body as the operation reads it; JSON that does not parse is the answer's fault, never retried (it reads the same again). */
function parse(operation: WireOperation, answer: RawAnswer, secrets: KnownSecrets, details: (extra: ErrorDetails) => ErrorDetails): WireAnswer<unknown> {
  if (operation.response !== "json") return { status: answer.status, headers: answer.headers, data: answer.text };
  try {
    return { status: answer.status, headers: answer.headers, data: JSON.parse(answer.text) };
  } catch (error) {
    throw new ResponseDeserializationError(
      `${operation.service} ${operation.operationId}: the response body is not valid JSON (${secrets.mask(error instanceof Error ? error.message : String(error))}).`,
      details({ status: answer.status, cause: error }),
      jsonPathOfFailure(answer.text),
    );
  }
}

function toSdkError(
  raw: unknown,
  retry: RetryOptions,
  secrets: KnownSecrets,
  details: (extra: ErrorDetails) => ErrorDetails,
): AstroTriggersError {
  if (raw instanceof AstroTriggersError) return raw;
  if (raw instanceof AttemptTimedOut) return new ServiceTimeoutError(retry.attemptTimeout, "attempt", details({ mayHaveBeenProcessed: true, cause: raw }));
  if (raw instanceof NotSent) {
    return new TransportError(`the request could not be sent: ${secrets.mask(raw.message)}`, details({ mayHaveBeenProcessed: false, cause: raw.cause }));
  }
  if (raw instanceof BodyReadFailure) return new TransportError(raw.message, details({ mayHaveBeenProcessed: true, cause: raw.cause }));
  const never = neverConnected(raw);
  // One flag, as C#: false only when the connection was never established; a read's reset may have reached the service too.
  return new TransportError(secrets.mask(describeTransportFailure(raw, never)), details({ mayHaveBeenProcessed: !never, cause: raw }));
}
