import type { Clock } from "../../src/index.js";

/** A clock whose waits take no real time: `sleep` advances `now` and records the wait. */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  #now: number;

  constructor(start = Date.parse("2026-11-30T12:00:00Z")) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.#now += ms;
    await Promise.resolve();
    signal?.throwIfAborted();
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
