import { PacedRateLimitError } from "../errors/pacedRateLimitError.js";
import type { Clock } from "../http/clock.js";
import type { OperationInfo } from "../http/operation.js";
import { linkSignals } from "../http/signals.js";
import { parseRetryAfter, parseRetryAfterValue, serverNow, UNIX_MS_THRESHOLD, UNIX_S_THRESHOLD } from "./retryAfter.js";

/**
 * How long waiters wait for a probe's answer before letting another one go (the probe may have been cancelled without
 * its outcome reaching the pacer, or its answer carried no headers). As C#'s RateLimitPacer.ProbeGrace.
 */
export const PROBE_GRACE_MS = 1000;
/** The shortest timed wait: a wait always needs the clock to move (issue 25 input C, a wait that looped at 0 ms). */
export const MINIMUM_WAIT_MS = 1;
// The reset is in whole milliseconds, rounded down by the server: a probe a fraction early finds the slot still taken.
const RESET_ROUNDING_MS = 1;
const SECOND_PRECISION_MS = 1000;
const INT32_MAX = 2 ** 31 - 1;

/** One answer's window: the count left, the reset as a wait from now and as a moment on the server's clock (to order answers without the client's clock), and how precise that moment is. */
interface Window {
  remaining: number;
  limit: number;
  resetIn: number;
  serverReset: number;
  precision: number;
}

/** The outcome of {@link RateLimitPacer.tryAcquire}. */
export type PacingSlot =
  | { readonly go: true; readonly ticket: number }
  | {
      readonly go: false;
      /** How long until the reset (or until another probe may go), at least {@link MINIMUM_WAIT_MS}. */
      readonly wait: number;
      /** Whether the service's latest word says the window is spent until `wait` has passed (otherwise the caller is held only by attempts in flight or an unanswered probe, which may end any moment). */
      readonly spent: boolean;
      /** Resolves when an answer arrives or an attempt ends. */
      readonly changed: Promise<void>;
    };

/**
 * One client's picture of the service's rate-limit window, from the `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
 * `X-RateLimit-Reset` headers of its answers (and a 429's own hint), shared by every concurrent call of that client.
 * The rules are C#'s RateLimitPacer's (issue 25 §1; conformance rule `rate-limit-pacing`):
 * - the picture is the service's latest word, judged by the service's own reset moment (a later reset is a later window;
 *   within one window the lower count is the later one), so an answer that overtook a fresher one changes nothing;
 * - what may be sent is recomputed on every acquire from the attempts in flight now, never frozen from an earlier moment;
 * - a 429's explicit hint wins over an older window's reset: spent until then, and no longer;
 * - once the reset has passed one probe goes (unless the attempts in flight may take the slot the reset freed), and its
 *   answer releases the rest;
 * - every timed wait ends at the reset (or the probe's grace) and lasts at least {@link MINIMUM_WAIT_MS}.
 * Until an answer carries the headers the pacer is inactive and costs a counter per attempt.
 * @internal
 */
export class RateLimitPacer {
  readonly clock: Clock;
  #active = false;
  #issued = 0;
  #inFlight = 0;
  #remaining = 0;
  #resetAt = Number.NEGATIVE_INFINITY;
  #serverReset = Number.NEGATIVE_INFINITY;
  #precision = 0;
  #probe = -1;
  #probeSentAt = 0;
  #changed: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** Whether any answer so far carried the rate-limit headers. */
  get active(): boolean {
    return this.#active;
  }

  /** Attempts sent and not yet answered. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** The picture, for a test's failure message. */
  toString(): string {
    return `remaining ${this.#remaining}, in flight ${this.#inFlight}, resets in ${this.#resetAt - this.clock.monotonic()} ms, probe ${this.#probe}, issued ${this.#issued}`;
  }

  /** Takes a slot for one attempt (its ticket, for {@link observe} and {@link abandon}), or says how long the picture stays as it is and what to wait on. */
  tryAcquire(): PacingSlot {
    if (!this.#active) return { go: true, ticket: this.#ticket() };
    const now = this.clock.monotonic();
    let wait: number;
    let spent = false;
    if (now < this.#resetAt) {
      if (this.#remaining - Math.max(0, this.#inFlight) > 0) return { go: true, ticket: this.#ticket() };
      wait = this.#resetAt - now;
      spent = this.#remaining <= 0;
    } else if (this.#remaining + 1 - Math.max(0, this.#inFlight) <= 0) {
      // The reset frees at least one slot (a sliding window's oldest request leaves), but the attempts in flight may
      // take it: their answers will tell.
      wait = PROBE_GRACE_MS;
    } else if (this.#probe < 0 || now - this.#probeSentAt >= PROBE_GRACE_MS) {
      // The window has moved on, by how much is unknown: one probe goes, the rest wait for its answer.
      const ticket = (this.#probe = this.#ticket());
      this.#probeSentAt = now;
      return { go: true, ticket };
    } else {
      wait = PROBE_GRACE_MS - (now - this.#probeSentAt);
    }
    this.#changed ??= deferred();
    return { go: false, wait: Math.max(wait, MINIMUM_WAIT_MS), spent, changed: this.#changed.promise };
  }

  /**
   * Reads an answer's rate-limit headers (every attempt that got an answer, success or error).
   * @param status - a 429's own hint wins over an older window's reset. @param ticket - the attempt's, from {@link tryAcquire}.
   */
  observe(headers: Headers, status: number, ticket: number): void {
    const clientNow = this.clock.now();
    const read = readWindow(headers, clientNow);
    const hint = status === 429 && (read !== undefined || this.#active) ? parseRetryAfter(headers, clientNow) : undefined;
    if (read === undefined && hint === undefined) {
      // No headers (another service, or a proxy's answer): nothing learned; the attempt is over.
      this.abandon(ticket);
      return;
    }
    this.#active = true;
    this.#inFlight--;
    const now = this.clock.monotonic();
    let rounding = RESET_ROUNDING_MS;
    let adopt: boolean;
    let window: Window;
    if (hint !== undefined) {
      // The refusal says when to come back: the window is spent until then, whatever an older answer said. The retry
      // sleeps exactly the hint; the pacer must not hold that retry a moment longer.
      const limit = read?.limit ?? 0;
      window = { remaining: 0, limit, resetIn: hint, serverReset: serverNow(headers.get("date"), clientNow) + hint, precision: SECOND_PRECISION_MS };
      rounding = 0;
      adopt = true;
    } else {
      const w = (window = read!);
      const precision = Math.max(w.precision, this.#precision);
      const later = w.serverReset > this.#serverReset + precision;
      const sameWindow = !later && w.serverReset >= this.#serverReset - precision;
      // Only a fresher picture replaces one, so an answer that overtook others never hands back slots they showed
      // taken. Once the reset has passed, the probe's own answer is taken whatever its reset says (a service counting
      // per node may answer with an earlier window): otherwise nothing could ever replace the stale picture.
      adopt = later || (sameWindow && w.remaining < this.#remaining) || (now >= this.#resetAt && (ticket === this.#probe || this.#probe < 0));
    }
    if (adopt) {
      this.#remaining = Math.min(Math.max(window.remaining, 0), Math.max(window.limit, 0));
      this.#resetAt = now + window.resetIn + rounding;
      this.#serverReset = window.serverReset;
      this.#precision = window.precision;
    }
    if (ticket === this.#probe || (adopt && now < this.#resetAt)) this.#probe = -1;
    this.#wake();
  }

  /** An attempt that got no answer (failed or cancelled before the headers): no longer in flight, and if it was the probe, the next caller may probe. */
  abandon(ticket: number): void {
    this.#inFlight--;
    if (!this.#active) return;
    if (this.#probe === ticket) this.#probe = -1;
    this.#wake();
  }

  #ticket(): number {
    this.#inFlight++;
    return ++this.#issued;
  }

  // A new promise only when someone waits on the current one: a call that never queues allocates nothing here.
  #wake(): void {
    const changed = this.#changed;
    this.#changed = undefined;
    changed?.resolve();
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** An integer header as C# reads it (int.TryParse: optional sign, 32-bit), else undefined. */
function readInt32(raw: string | null): number | undefined {
  if (raw === null) return undefined;
  // Fast path (every answer of Agentset): 1 to 9 ASCII digits, always within 32 bits.
  const length = raw.length;
  if (length > 0 && length < 10) {
    let n = 0;
    for (let i = 0; i < length; i++) {
      const digit = raw.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) {
        n = -1;
        break;
      }
      n = n * 10 + digit;
    }
    if (n >= 0) return n;
  }
  const value = raw.trim();
  if (!/^[+-]?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= -INT32_MAX - 1 && n <= INT32_MAX ? n : undefined;
}

/** The three headers; undefined when Remaining or Reset is missing or unreadable (the answer says nothing about the window). */
function readWindow(headers: Headers, clientNow: number): Window | undefined {
  // Remaining first: a service that sends no rate-limit headers costs one header look-up per answer.
  const remaining = readInt32(headers.get("x-ratelimit-remaining"));
  if (remaining === undefined) return undefined;
  const rawReset = headers.get("x-ratelimit-reset");
  if (rawReset === null) return undefined;
  const limit = readInt32(headers.get("x-ratelimit-limit")) ?? INT32_MAX;
  const reference = serverNow(headers.get("date"), clientNow);
  let resetIn: number | undefined;
  let precise: boolean;
  if (rawReset === lastReset.raw) {
    // The same reset as the last answer's (within a window every answer names it): its moment is known.
    resetIn = Math.max(0, lastReset.moment - reference);
    precise = lastReset.precise;
  } else {
    const raw = rawReset.trim();
    resetIn = parseRetryAfterValue(raw, reference);
    if (resetIn === undefined) return undefined;
    precise = raw.includes(".") || (/^\d+$/.test(raw) && Number(raw) >= UNIX_MS_THRESHOLD);
    // Only a Unix moment is kept (a delay or an HTTP date is read again): its value does not depend on the clock.
    if (/^\d+$/.test(raw) && Number(raw) >= UNIX_S_THRESHOLD) {
      lastReset = { raw: rawReset, moment: Number(raw) >= UNIX_MS_THRESHOLD ? Number(raw) : Number(raw) * 1000, precise };
    }
  }
  return { remaining, limit, resetIn, serverReset: reference + resetIn, precision: precise ? RESET_ROUNDING_MS : SECOND_PRECISION_MS };
}

// The last X-RateLimit-Reset read as a Unix moment (ms), by its text.
let lastReset: { raw: string | undefined; moment: number; precise: boolean } = { raw: undefined, moment: 0, precise: false };

/** What {@link acquireSlot} needs of the call it paces. */
export interface PacedCall {
  operation: OperationInfo;
  /** What is left of the call's budget (timeout and maxElapsed), in ms. */
  remaining(): number;
  /** Aborts when the call ends (its budget's timer, or the caller). */
  signal: AbortSignal;
  /** The caller's own signal: its abort reason is thrown as is. */
  caller: AbortSignal | undefined;
}

/**
 * Waits for a slot before an attempt, inside the call's budget but outside the attempt's timeout. A call that the
 * service's latest word says cannot be sent within what is left of its budget ends at once, nothing sent, with
 * {@link PacedRateLimitError}; one held only by attempts in flight waits as long as its budget allows (their answers
 * may free a slot any moment). @param first - the decision for the first round when the caller already took it
 * (a "go" is returned as is). @returns the attempt's ticket.
 */
export async function acquireSlot(pacer: RateLimitPacer, call: PacedCall, first?: PacingDecision): Promise<number> {
  // `first`: the decision the caller already took (its synchronous fast path, see callRunner), so the pacer is asked
  // exactly once per round, as here.
  let next = first;
  for (;;) {
    const decision = next ?? pacingDecision(pacer, call.remaining());
    next = undefined;
    if (decision.kind === "go") return decision.ticket;
    if (decision.kind === "paced") throw paced(call.operation, decision.retryAfter);
    const scope = linkSignals(call.signal);
    const slot = decision.slot;
    const sleep = pacer.clock.sleep(decision.wait, scope.signal);
    // Once the picture changed first the sleep is cut short below; that rejection is nobody's failure.
    sleep.catch(() => {});
    try {
      await Promise.race([slot.changed, sleep]);
    } catch {
      if (call.caller?.aborted) throw call.caller.reason;
      // The call's budget ran out while it queued: nothing was sent.
      throw paced(call.operation, slot.wait);
    } finally {
      scope.abort(undefined);
    }
  }
}

/** One acquire's decision (conformance rule `rate-limit-pacing`): go now, wait (at most `wait` ms, or until the picture changes), or end the call as paced. */
export type PacingDecision =
  | { kind: "go"; ticket: number }
  | { kind: "wait"; wait: number; slot: Extract<PacingSlot, { go: false }> }
  | { kind: "paced"; retryAfter: number };

/**
 * The decision for an acquire with `remaining` ms left of the call's budget. The service said the window is spent
 * until a moment the call cannot wait for: end now, nothing sent. Held only by attempts in flight (or an unanswered
 * probe), the call waits as long as its budget allows: their answers may free a slot any moment.
 */
export function pacingDecision(pacer: RateLimitPacer, remaining: number): PacingDecision {
  const slot = pacer.tryAcquire();
  if (slot.go) return { kind: "go", ticket: slot.ticket };
  if ((slot.spent && slot.wait > remaining) || remaining <= 0) return { kind: "paced", retryAfter: slot.wait };
  return { kind: "wait", wait: Math.min(slot.wait, remaining), slot };
}

function paced(operation: OperationInfo, wait: number): PacedRateLimitError {
  return new PacedRateLimitError(operation.service, operation.operationId, operation.method, wait);
}
