import type { Clock } from "../../src/index.js";

/**
 * A clock whose waits take no real time: `sleep` advances both readings and records the wait. With `timers: true` it
 * also runs the client's timeouts (attempt, call, run wait) in virtual time: they fire when `sleep` or `advance`
 * passes them, and `pendingTimers` counts those not yet fired nor cancelled. Without it, timeouts use real timers.
 */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  readonly setTimer?: (ms: number, callback: () => void) => () => void;
  #now: number;
  #elapsed = 0;
  #timers: { at: number; seq: number; callback: () => void }[] = [];
  #seq = 0;

  constructor(start = Date.parse("2026-11-30T12:00:00Z"), options: { timers?: boolean } = {}) {
    this.#now = start;
    if (options.timers) {
      this.setTimer = (ms, callback) => {
        const timer = { at: this.#elapsed + ms, seq: this.#seq++, callback };
        this.#timers.push(timer);
        return () => {
          this.#timers = this.#timers.filter((t) => t !== timer);
        };
      };
    }
  }

  now(): number {
    return this.#now;
  }

  monotonic(): number {
    return this.#elapsed;
  }

  /** Timers set and neither fired nor cancelled. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.advance(ms);
    await Promise.resolve();
    signal?.throwIfAborted();
  }

  /** Moves both readings on by `ms`, firing the timers due on the way in order. */
  advance(ms: number): void {
    const target = this.#elapsed + ms;
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now += due.at - this.#elapsed;
      this.#elapsed = due.at;
      due.callback();
    }
    this.#now += target - this.#elapsed;
    this.#elapsed = target;
  }

  /** Steps the wall clock only (a user or NTP changing the time): `monotonic()` does not move. */
  stepWallClock(ms: number): void {
    this.#now += ms;
  }
}
