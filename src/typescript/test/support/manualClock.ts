import type { Clock } from "../../src/index.js";
import { TestTime } from "./testTime.js";

/**
 * A clock that moves only when the test says (as .NET's FakeTimeProvider): `sleep` and `setTimer` wait until `advance`
 * passes their moment, so concurrent calls park on it and a test decides when time goes on. `drive` runs a set of calls
 * to their end, advancing to the next timer only once no real I/O is still moving them.
 */
export class ManualClock implements Clock {
  readonly #time: TestTime;

  constructor(start = Date.parse("2026-11-30T12:00:00Z")) {
    this.#time = new TestTime(start);
  }

  now(): number {
    return this.#time.now;
  }

  monotonic(): number {
    return this.#time.elapsed;
  }

  /** Sleeps and timers not yet due. */
  get pending(): number {
    return this.#time.pending;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        cancel();
        reject(signal!.reason);
      };
      const cancel = this.setTimer(ms, () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      });
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  setTimer(ms: number, callback: () => void): () => void {
    return this.#time.set(Math.max(ms, 0), callback);
  }

  /** Moves time on by `ms`, firing the timers due on the way in order. */
  advance(ms: number): void {
    this.#time.advance(ms);
  }

  /** Moves time to the next pending timer (none: nothing). @returns whether one fired. */
  advanceToNext(): boolean {
    const next = this.#time.nextIn();
    if (next === undefined) return false;
    this.advance(next);
    return true;
  }

  /**
   * Runs `calls` to their end: while any is unsettled, lets real I/O (loopback HTTP) settle, then advances to the next
   * timer (and only while `busy()`, the requests awaiting their answer, is 0). Real time is used only to see that
   * nothing moves any more, never asserted on. Fails after `maxSteps`
   * advances (a wait that loops without end).
   * @returns each call's outcome.
   */
  async drive<T>(calls: Promise<T>[], busy: () => number = () => 0, maxSteps = 10_000): Promise<PromiseSettledResult<T>[]> {
    let open = calls.length;
    const settled = Promise.allSettled(calls.map((c) => c.finally(() => open--)));
    for (let steps = 0; open > 0; ) {
      // Time moves only once no request is on the wire: an attempt's timeout must not fire under a loopback answer.
      do await quiet();
      while (busy() > 0);
      if (open === 0) break;
      if (!this.advanceToNext()) continue;
      if (++steps > maxSteps) throw new Error(`still ${open} calls open after ${maxSteps} advances`);
    }
    return settled;
  }
}

/** Waits until pending I/O callbacks and microtasks have run (a few turns of the event loop). */
export async function quiet(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A fetch that counts the requests waiting for their answer's headers (for {@link ManualClock.drive}'s `busy`). */
export function trackedFetch(): { fetch: typeof globalThis.fetch; busy: () => number } {
  let busy = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    busy++;
    try {
      return await globalThis.fetch(input, init);
    } finally {
      busy--;
    }
  };
  return { fetch, busy: () => busy };
}
