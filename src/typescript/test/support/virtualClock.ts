import type { Clock } from "../../src/index.js";
import { TestTime } from "./testTime.js";

/**
 * A clock whose waits take no real time: `sleep` advances both readings and records the wait. With `timers: true` it
 * also runs the client's timeouts (attempt, call, run wait) in virtual time: they fire when `sleep` or `advance`
 * passes them, and `pendingTimers` counts those not yet fired nor cancelled. Without it, timeouts use real timers.
 */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  readonly setTimer?: (ms: number, callback: () => void) => () => void;
  readonly #time: TestTime;

  constructor(start = Date.parse("2026-11-30T12:00:00Z"), options: { timers?: boolean } = {}) {
    this.#time = new TestTime(start);
    if (options.timers) this.setTimer = (ms, callback) => this.#time.set(ms, callback);
  }

  now(): number {
    return this.#time.now;
  }

  monotonic(): number {
    return this.#time.elapsed;
  }

  /** Timers set and neither fired nor cancelled. */
  get pendingTimers(): number {
    return this.#time.pending;
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
    this.#time.advance(ms);
  }

  /** Steps the wall clock only (a user or NTP changing the time): `monotonic()` does not move. */
  stepWallClock(ms: number): void {
    this.#time.stepWall(ms);
  }
}
