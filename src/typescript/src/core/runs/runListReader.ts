import type { AsyncPageable } from "../paging/asyncPageable.js";
import { runInternals, type TriggeredRun } from "./triggeredRun.js";

/** Items per page a run group's list read asks for. */
export const LIST_PAGE_SIZE = 100;

/**
 * @internal How a run group reads one handle's status through its service's list (as .NET's `RunListReader`): the
 * sub-client that made the handle attaches it ({@link withListReading}) with the caller's per-call options captured.
 * Runs whose `owner` (the sub-client) and `scope` are equal are read by one list read.
 */
export interface RunListSpec<T, Item> {
  /** The sub-client: runs of different clients are never read through one list. */
  readonly owner: object;
  /** The scope one list read covers (namespace and tenant, application, fleet, trigger and namespace). */
  readonly scope: string;
  /** The scope's list, newest first where the service can sort. */
  list(signal: AbortSignal | undefined): AsyncPageable<Item>;
  /** The run id an item names. */
  idOf(item: Item): string | undefined;
  /** Updates the run from its item; false when the item only says the run changed and a read of its own must fetch it. */
  apply(run: TriggeredRun<T>, item: Item): boolean;
  /** Creation time (Unix ms) of an item and of a run's value, for a list ordered newest first: stop once past the oldest. */
  createdAt?: { item(item: Item): number | undefined; run(value: T): number | undefined };
  /** One read holds every run of the scope (Shipyard's CSV): a due run it does not show is not listed yet. */
  readonly complete?: boolean;
  /** Ids compare case-insensitively (Shipyard). */
  readonly caseInsensitive?: boolean;
}

const specs = new WeakMap<object, RunListSpec<any, any>>();

/** @internal Attaches a handle's list reading (see {@link RunListSpec}). */
export function withListReading<R extends TriggeredRun<any>>(run: R, spec: RunListSpec<R extends TriggeredRun<infer T> ? T : never, any>): R {
  specs.set(run, spec);
  return run;
}

/** @internal The handle's list reading; undefined when no list shows it (it is read on its own). */
export function listSpecOf(run: TriggeredRun<any>): RunListSpec<any, any> | undefined {
  return specs.get(run);
}

/** What one list read did: the requests it sent and the runs it showed (they need no read of their own this cycle). */
export interface RunListRead {
  readonly requests: number;
  readonly shown: ReadonlySet<TriggeredRun<any>>;
}

/**
 * @internal Reads the list of one scope page by page until every run of `due` was shown or later pages cannot show the
 * rest (one page more than the followed runs fill; a newest-first list once it passed the oldest waiting run). Every
 * run of `followed` the list shows is updated.
 */
export async function readRunList(due: readonly TriggeredRun<any>[], followed: readonly TriggeredRun<any>[], signal: AbortSignal | undefined): Promise<RunListRead> {
  const spec = listSpecOf(due[0]!)!;
  const key = (id: string) => (spec.caseInsensitive ? id.toLowerCase() : id);
  const byId = new Map<string, TriggeredRun<any>>();
  for (const run of followed) byId.set(key(run.id), run);
  const waiting = new Set(due.map((run) => key(run.id)));
  const shown = new Set<TriggeredRun<any>>();
  let requests = 0;
  const bound = Math.ceil(followed.length / LIST_PAGE_SIZE);
  for await (const page of spec.list(signal).byPage({ pageSize: spec.complete ? undefined : LIST_PAGE_SIZE })) {
    requests++;
    for (const item of page.items) {
      const id = spec.idOf(item);
      const run = id === undefined ? undefined : byId.get(key(id));
      if (run === undefined) continue;
      if (spec.apply(run, item)) shown.add(run);
      waiting.delete(key(id!));
    }
    if (waiting.size === 0 || page.items.length === 0) break;
    if (cannotShow(spec, page.items[page.items.length - 1], [...waiting].map((id) => byId.get(id)!), requests, bound)) break;
  }
  if (spec.complete) for (const run of due) shown.add(run);
  return { requests, shown };
}

function cannotShow(spec: RunListSpec<any, any>, last: unknown, waiting: TriggeredRun<any>[], pages: number, bound: number): boolean {
  if (spec.createdAt === undefined) return pages > bound;
  let oldest: number | undefined;
  for (const run of waiting) {
    const at = spec.createdAt.run(run.value);
    if (at === undefined || Number.isNaN(at)) return pages > bound;
    oldest = oldest === undefined || at < oldest ? at : oldest;
  }
  const lastAt = spec.createdAt.item(last);
  return lastAt !== undefined && oldest !== undefined && lastAt < oldest;
}

/** @internal Sets a handle's value from a list row of the same type (Agentset jobs, TrueFoundry runs, Shipyard rows). */
export function observeFromList<T>(run: TriggeredRun<T>, value: T): boolean {
  runInternals.observe(run, value);
  return true;
}

/** @internal A wire time (ISO text or Unix ms) as Unix ms; undefined when absent or unreadable. */
export function timeOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (value instanceof Date) return value.getTime();
  return undefined;
}
