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

/** Starts a timer on `clock` (its own when it has one, else a real one). @returns the cancel function. */
export function startTimer(clock: Clock, ms: number, callback: () => void): () => void {
  return clock.setTimer ? clock.setTimer(ms, callback) : realTimer(ms, callback);
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

/** The real clock (`Date.now`, `performance.now`, chained real timers). */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  sleep: realSleep,
  setTimer: realTimer,
};
