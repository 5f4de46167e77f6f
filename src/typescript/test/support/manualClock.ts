import type { Clock } from "../../src/index.js";

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/**
 * A clock that moves only when the test says (as .NET's FakeTimeProvider): `sleep` and `setTimer` wait until `advance`
 * passes their moment, so concurrent calls park on it and a test decides when time goes on. `drive` runs a set of calls
 * to their end, advancing to the next timer only once no real I/O is still moving them.
 */
export class ManualClock implements Clock {
  #now: number;
  #elapsed = 0;
  #seq = 0;
  #timers: Timer[] = [];

  constructor(start = Date.parse("2026-11-30T12:00:00Z")) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  monotonic(): number {
    return this.#elapsed;
  }

  /** Sleeps and timers not yet due. */
  get pending(): number {
    return this.#timers.length;
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
    const timer = { at: this.#elapsed + Math.max(ms, 0), seq: this.#seq++, fire: callback };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  }

  /** Moves time on by `ms`, firing the timers due on the way in order. */
  advance(ms: number): void {
    const target = this.#elapsed + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now += due.at - this.#elapsed;
      this.#elapsed = due.at;
      due.fire();
    }
    this.#now += target - this.#elapsed;
    this.#elapsed = target;
  }

  /** Moves time to the next pending timer (none: nothing). @returns whether one fired. */
  advanceToNext(): boolean {
    const next = [...this.#timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
    if (!next) return false;
    this.advance(next.at - this.#elapsed);
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
