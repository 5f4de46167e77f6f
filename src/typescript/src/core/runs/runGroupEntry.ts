import { ServiceRequestError } from "../errors/serviceRequestError.js";
import { RunCancelledError, RunFailedError } from "./runErrors.js";
import type { RunGroupProgress } from "./runGroupProgress.js";
import type { RunListSpec } from "./runListReader.js";
import type { RunResult } from "./runResult.js";
import type { TriggeredRun } from "./triggeredRun.js";

/** @internal One run of a RunGroup and its schedule (times in ms since the group's first run joined). */
export interface Entry<R extends TriggeredRun<any>> {
  readonly run: R;
  readonly added: number;
  readonly list: RunListSpec<any, any> | undefined;
  due: number;
  /** The read at `due` is the one at the run's deadline: its last. */
  deadlineRead: boolean;
  interval: number | undefined;
  reads: number;
  result: RunResult<R> | undefined;
  endOrder: number;
}

/** @internal Why a completed run did not succeed (undefined when it did): what a single wait throws. */
export function failure(run: TriggeredRun<any>): Error | undefined {
  if (run.status === "succeeded") return undefined;
  return run.status === "cancelled" ? new RunCancelledError(run) : new RunFailedError(run);
}

export function throttle(error: unknown): number | undefined {
  return error instanceof ServiceRequestError && (error.status === 429 || error.status === 503) ? error.retryAfter ?? 0 : undefined;
}

// Runs of one sub-client and scope share a list read; a run without a list has no key (it is read on its own).
const scopeKeys = new WeakMap<object, Map<string, object>>();
export function scopeKey(spec: RunListSpec<any, any> | undefined): object | undefined {
  if (spec === undefined) return undefined;
  let byScope = scopeKeys.get(spec.owner);
  if (byScope === undefined) scopeKeys.set(spec.owner, (byScope = new Map()));
  let key = byScope.get(spec.scope);
  if (key === undefined) byScope.set(spec.scope, (key = {}));
  return key;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}


/** @internal The progress of a group's entries: counts per status, the oldest run still followed. */
export function progressOf<R extends TriggeredRun<any>>(entries: readonly Entry<R>[], now: number, statusReads: number, observedAt: number): RunGroupProgress {
  let queued = 0, running = 0, unknown = 0, succeeded = 0, failed = 0, cancelled = 0, abandoned = 0;
  let oldest: Entry<R> | undefined;
  for (const entry of entries) {
    const result = entry.result;
    if (result !== undefined) {
      if (result.error === undefined) succeeded++;
      else if (result.error instanceof RunCancelledError) cancelled++;
      else if (result.error instanceof RunFailedError) failed++;
      else abandoned++;
      continue;
    }
    oldest ??= entry;
    if (entry.run.status === "queued") queued++;
    else if (entry.run.status === "unknown") unknown++;
    else running++;
  }
  const ended = succeeded + failed + cancelled + abandoned;
  const pending = queued + running + unknown;
  return {
    queued, running, unknown, succeeded, failed, cancelled, abandoned, ended, pending, total: ended + pending,
    oldestRunning: oldest?.run, oldestRunningFor: oldest === undefined ? 0 : now - oldest.added, statusReads, observedAt,
  };
}

/** @internal Whether two progresses have the same counts and oldest run (onProgress hears only changes). */
export function sameProgress(a: RunGroupProgress, b: RunGroupProgress): boolean {
  return a.queued === b.queued && a.running === b.running && a.unknown === b.unknown && a.succeeded === b.succeeded && a.failed === b.failed
    && a.cancelled === b.cancelled && a.abandoned === b.abandoned && a.oldestRunning === b.oldestRunning;
}
