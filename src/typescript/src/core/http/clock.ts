import { setTimeout as delay } from "node:timers/promises";

/**
 * The time source of a client: reading the time and waiting between retries and polls. Tests pass a virtual
 * clock so backoff and `Retry-After` waits take no real time. Attempt and call timeouts always use real timers.
 */
export interface Clock {
  /** Current time, Unix milliseconds. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock (`Date.now`, `timers/promises.setTimeout`). */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    await delay(ms, undefined, signal ? { signal } : undefined);
  },
};
