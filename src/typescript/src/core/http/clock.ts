/**
 * The time source of a client. `now()` is the wall clock (Unix ms): a snapshot's `observedAt` and `Retry-After`
 * dates are read against it. `monotonic()` never steps (NTP, DST, a user changing the time): every elapsed time and
 * deadline (the call's budget, a run wait's timeout) is measured on it. `sleep` waits between retries and polls;
 * `setTimer`, when present, runs the attempt, call and run-wait timeouts, so a test clock can drive them in virtual
 * time (without it they use real timers). Tests pass a virtual clock so waits take no real time.
 */
export interface Clock {
  /** Wall-clock time, Unix milliseconds. */
  now(): number;
  /** A monotonic reading in milliseconds from any origin (the system clock: `performance.now()`). */
  monotonic(): number;
  /** Resolves after `ms` milliseconds; rejects with the signal's reason when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `callback` once after `ms` milliseconds; returns a function that cancels it. Absent: real timers. */
  setTimer?(ms: number, callback: () => void): () => void;
}

/** The longest delay `setTimeout` takes; a longer one fires at once (Node's TimeoutOverflowWarning). */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/**
 * A real timer of any length: a delay beyond {@link MAX_TIMER_DELAY} is chained from timers of at most that length,
 * each re-armed for what remains on the monotonic clock, so a 30-day timeout fires after 30 days, not at once.
 * @returns a function that cancels the timer (idempotent).
 */
export function realTimer(ms: number, callback: () => void): () => void {
  const due = performance.now() + ms;
  let handle: ReturnType<typeof setTimeout> | undefined;
  const arm = (delay: number) => {
    handle = setTimeout(() => {
      const left = due - performance.now();
      if (left > 1) arm(left);
      else {
        handle = undefined;
        callback();
      }
    }, Math.min(Math.max(delay, 0), MAX_TIMER_DELAY));
  };
  arm(ms);
  return () => {
    if (handle !== undefined) clearTimeout(handle);
    handle = undefined;
  };
}

/** One pending deadline of {@link sharedTimer}. */
interface Deadline {
  readonly due: number;
  readonly callback: () => void;
}

// The deadlines of every pending attempt, call and run-wait timeout, served by one real timer armed for the earliest
// (issue 27 §3): a `setTimeout` + `clearTimeout` pair per attempt cost more than the rest of the timeout handling.
const pending = new Set<Deadline>();
let handle: ReturnType<typeof setTimeout> | undefined;
let armedFor = Number.POSITIVE_INFINITY;
// The setTimeout/clearTimeout the handle came from: a test that installs fake timers (or removes them) gets a new
// handle from the functions in place, never one from the other clock.
let armedWith: typeof setTimeout | undefined;
let clearWith: typeof clearTimeout = clearTimeout;
let firing = false;

function arm(due: number): void {
  if (handle !== undefined) clearWith(handle);
  armedWith = globalThis.setTimeout;
  clearWith = globalThis.clearTimeout;
  const delay = Math.min(Math.max(due - performance.now(), 0), MAX_TIMER_DELAY);
  armedFor = performance.now() + delay;
  handle = armedWith(fire, delay);
}

function fire(): void {
  handle = undefined;
  armedFor = Number.POSITIVE_INFINITY;
  firing = true;
  let failure: { error: unknown } | undefined;
  try {
    const now = performance.now();
    for (const deadline of pending) {
      // As realTimer: within 1 ms of the due moment is due (a timer may fire a fraction early on the monotonic clock).
      if (deadline.due - now > 1) continue;
      pending.delete(deadline);
      try {
        deadline.callback();
      } catch (error) {
        failure ??= { error };
      }
    }
  } finally {
    firing = false;
  }
  if (pending.size > 0) {
    let next = Number.POSITIVE_INFINITY;
    for (const deadline of pending) if (deadline.due < next) next = deadline.due;
    arm(next);
  }
  // A callback that threw fails as its own timer would have: uncaught, after the others ran.
  if (failure) throw failure.error;
}

function setRef(ref: boolean): void {
  const h = handle as { ref?: () => unknown; unref?: () => unknown } | undefined;
  if (typeof h === "object" && h !== null) (ref ? h.ref : h.unref)?.call(h);
}

/**
 * A real timer of any length on one shared `setTimeout` (chained past {@link MAX_TIMER_DELAY} as {@link realTimer}):
 * starting and cancelling one is a Set entry and, when it is the only one, a `ref()`/`unref()`, not a new native timer.
 * The shared timer holds the process open only while some deadline is pending: when the last one is cancelled it is
 * unref'd (a call that ended leaves nothing keeping the process alive) and, when it fires with none pending, dropped.
 * @returns a function that cancels the timer (idempotent).
 */
export function sharedTimer(ms: number, callback: () => void): () => void {
  const deadline: Deadline = { due: performance.now() + ms, callback };
  pending.add(deadline);
  if (!firing) {
    if (handle === undefined || armedWith !== globalThis.setTimeout || deadline.due < armedFor) arm(deadline.due);
    else if (pending.size === 1) setRef(true);
  }
  return () => {
    if (pending.delete(deadline) && pending.size === 0 && !firing) setRef(false);
  };
}

/** Starts a timer on `clock` (its own when it has one, else a real one). @returns the cancel function. */
export function startTimer(clock: Clock, ms: number, callback: () => void): () => void {
  return clock.setTimer ? clock.setTimer(ms, callback) : sharedTimer(ms, callback);
}

/** Sleeps on real timers of any length; the abort listener is removed when the sleep ends, either way. */
function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal!.reason);
    };
    const cancel = realTimer(ms, () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    });
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The real clock (`Date.now`, `performance.now`, chained real timers; timeouts on one shared timer). */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  sleep: realSleep,
  setTimer: sharedTimer,
};
