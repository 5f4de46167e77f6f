import { AsyncLocalStorage } from "node:async_hooks";
import type { Clock } from "./clock.js";

/**
 * @internal The moment (on a clock's monotonic reading) no sleep inside a call may end past: a run wait's deadline
 * (a group's earliest among the runs it still follows). Set by the wait around each of its status reads and read by
 * the call runner when a call starts, so the retry layer does not sleep a delay ending past it and the pacer does not
 * wait past it. Ambient (AsyncLocalStorage, the package is Node-only) rather than a per-call option, because a read
 * goes through every service's sub-client and pageable, and the public per-call options must not change.
 */
interface DelayLimit {
  readonly clock: Clock;
  readonly at: number;
}

const current = new AsyncLocalStorage<DelayLimit>();

/** @internal Runs `read` with every call it starts bounded by `at` (monotonic ms of `clock`); a tighter outer limit stays. */
export function withDelayLimit<T>(clock: Clock, at: number, read: () => Promise<T>): Promise<T> {
  const outer = current.getStore();
  const limit = outer !== undefined && outer.clock === clock && outer.at <= at ? outer : { clock, at };
  return current.run(limit, read);
}

/**
 * @internal The delay limit of a call started now on `clock` (its monotonic ms), or +Infinity outside a wait. A limit
 * set for another clock does not apply: its readings are not comparable.
 */
export function delayLimitAt(clock: Clock): number {
  const limit = current.getStore();
  return limit === undefined || limit.clock !== clock ? Number.POSITIVE_INFINITY : limit.at;
}
