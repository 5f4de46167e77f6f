import { InvalidArgumentError } from "../errors/clientErrors.js";
import { Guard } from "../guard.js";
import type { Clock } from "../http/clock.js";
import { withDelayLimit } from "../http/delayLimit.js";
import { nextPoll, type PollSchedule } from "./pollSchedule.js";
import { RunWaitTimeoutError } from "./runErrors.js";
import { type Entry, failure, progressOf, push, sameProgress, scopeKey, throttle } from "./runGroupEntry.js";
import type { RunGroupProgress } from "./runGroupProgress.js";
import { listSpecOf, readRunList } from "./runListReader.js";
import { RunResult } from "./runResult.js";
import { runInternals, type RunWaitOptions, type TriggeredRun } from "./triggeredRun.js";

/** Each run's poll schedule and timeout in a {@link RunGroup}: the fields and defaults of `waitForCompletion`'s options (ms). */
export type RunGroupOptions = Pick<RunWaitOptions, "pollInterval" | "maxPollInterval" | "pollIntervalRatio" | "backoffFactor" | "timeout">;

/** How a {@link RunGroup} wait runs: `signal` stops waiting (the runs go on), `onProgress` hears each change. */
export interface RunGroupWaitOptions {
  /** Stops waiting with the signal's reason (the runs go on; results seen so far stay in the group). */
  signal?: AbortSignal;
  /** Told where the group stands after each cycle that changed a count or the oldest run. */
  onProgress?: (progress: RunGroupProgress) => void;
}


// Runs due within this of a cycle's start are read in it (a timer never fires early, but clocks tick).
const TOLERANCE = 1;

/**
 * Many runs followed together (as .NET's `RunGroup<TRun>`): wait for all (`waitForAll`), each as it ends (`whenEach`,
 * an async iterable in the order they end), counts per status (`progress`), stop them all (`cancelAll`). Statuses are
 * read through the services' list operations where one exists — an Agentset namespace's job list, a TrueFoundry
 * application's runs, a Shipyard fleet's runs CSV, a Mixpeek trigger's execution history — so a cycle costs about one
 * request per page instead of one per run; a run no list shows is read on its own. Each run keeps the single-run poll
 * schedule (first read one poll interval after it joined, then a tenth of the time followed so far, at most a minute
 * apart), so it is noticed within 10% of its length, and its timeout to the letter (no read is scheduled past it; a run
 * still going is read once more at its deadline, in that cycle's usual list and single reads, and given up only if that
 * read does not see it end). The group's requests are the clients' own calls: retries,
 * rate-limit pacing and telemetry apply. A run that fails does not fail the group: its {@link RunResult} carries the
 * error. One wait at a time; runs may be added while a wait goes on (they join its next cycle).
 * @typeParam R - the run handle type (`IngestJobRun`, …), or `TriggeredRun<any>` (the default) for a mixed group.
 */
export class RunGroup<R extends TriggeredRun<any> = TriggeredRun<any>> {
  readonly #entries: Entry<R>[] = [];
  readonly #members = new Set<R>();
  readonly #schedule: PollSchedule;
  readonly #timeout: number;
  #clock: Clock | undefined;
  #origin = 0;
  #reads = 0;
  #endSequence = 0;
  #waiting = false;
  // Ends the group's current sleep early (add() and cancelAll() call it: a new or stopping run joins the next cycle).
  #wake: (() => void) | undefined;

  /**
   * @param runs - the runs to follow; more with {@link add}.
   * @param options - each run's poll schedule and timeout (ms): first read after 1 000, a tenth of the time followed so far, at most 60 000 apart, timeout 3 600 000 per run.
   * @throws InvalidArgumentError for a run given twice or an option out of its range.
   */
  constructor(runs: Iterable<R> = [], options: RunGroupOptions = {}) {
    this.#schedule = {
      pollInterval: Guard.positive(options.pollInterval ?? 1_000, "pollInterval"),
      maxPollInterval: Guard.positive(options.maxPollInterval ?? 60_000, "maxPollInterval"),
      pollIntervalRatio: Guard.between(options.pollIntervalRatio ?? 0.1, 0, 10, "pollIntervalRatio"),
      backoffFactor: Guard.between(options.backoffFactor ?? 1, 1, 10, "backoffFactor"),
    };
    this.#timeout = Guard.positive(options.timeout ?? 3_600_000, "timeout");
    for (const run of runs) this.add(run);
  }

  /** How many runs the group holds (ended ones included). */
  get count(): number { return this.#entries.length; }
  /** The runs, in the order they were added. */
  get runs(): readonly R[] { return this.#entries.map((e) => e.run); }
  /** Where the group stands now: counts per status, the oldest run still followed, the status reads so far. */
  get progress(): RunGroupProgress { return this.#snapshot(); }

  /**
   * Adds a run to follow. A run already completed ends at once (its result comes first in the next `whenEach`);
   * otherwise its first status read is due one poll interval from now (at the timeout when that is shorter).
   * @throws InvalidArgumentError when `run` is missing or already in the group.
   */
  add(run: R): void {
    if (run === undefined || run === null) throw new InvalidArgumentError("run", "'run' is required.");
    if (this.#members.has(run)) throw new InvalidArgumentError("run", `'run': ${run.service} run '${run.id}' is already in the group.`);
    this.#members.add(run);
    if (this.#clock === undefined) {
      this.#clock = runInternals.clock(run);
      this.#origin = this.#clock.monotonic();
    }
    const now = this.#now();
    // The first read is a poll interval away, or at the deadline when the timeout is shorter (then it is the last).
    const first = nextPoll(undefined, 0, this.#schedule, undefined, this.#timeout);
    const entry: Entry<R> = {
      run, added: now, list: listSpecOf(run), due: now + first.sleep!, deadlineRead: first.atDeadline, interval: undefined, reads: 0, result: undefined, endOrder: 0,
    };
    this.#entries.push(entry);
    if (run.isCompleted) this.#end(entry, failure(run));
    this.#wake?.();
  }

  /**
   * Follows every run until each has ended (or the group stopped following it). Failed and cancelled runs do not
   * throw: see {@link RunResult.error}.
   * @returns one result per run, in the order the runs were added.
   * @throws Error when another wait of this group goes on; the signal's reason on abort.
   */
  async waitForAll(options: RunGroupWaitOptions = {}): Promise<RunResult<R>[]> {
    for await (const _ of this.whenEach(options)) { /* each result is kept in the group */ }
    return this.#entries.map((e) => e.result!);
  }

  /**
   * Each run's result as the group sees it end, in the order they end: runs that had already ended first, then each
   * cycle's (the runs a list showed, in the order they were added, then those read on their own). The next cycle
   * starts when the consumer asks for the next result. Ends when every run has ended.
   * @throws Error when another wait of this group goes on; the signal's reason on abort.
   */
  async *whenEach(options: RunGroupWaitOptions = {}): AsyncGenerator<RunResult<R>, void, undefined> {
    if (this.#waiting) throw new Error("This group is already being waited on; one waitForAll or whenEach at a time.");
    this.#waiting = true;
    const { signal, onProgress } = options;
    try {
      let yielded = 0;
      let reported: RunGroupProgress | undefined;
      for (;;) {
        // A run someone else read to its end (its own cancel(), the caller's updateStatus()) ends without a read.
        for (const entry of this.#entries) if (entry.result === undefined && entry.run.isCompleted) this.#end(entry, failure(entry.run));
        const ended = this.#entries.filter((e) => e.endOrder > yielded).sort((a, b) => a.endOrder - b.endOrder);
        yielded = this.#endSequence;
        reported = this.#report(onProgress, reported);
        for (const entry of ended) yield entry.result!;
        const pending = this.#entries.filter((e) => e.result === undefined);
        if (pending.length === 0) return;
        signal?.throwIfAborted();
        let nextDue = Number.POSITIVE_INFINITY;
        for (const entry of pending) nextDue = Math.min(nextDue, entry.due);
        const wait = nextDue - this.#now();
        if (wait > TOLERANCE) {
          await this.#sleep(wait, signal);
          continue;
        }
        await this.#cycle(signal);
      }
    } finally {
      this.#waiting = false;
    }
  }

  /**
   * Asks the service to stop every run still followed that can be stopped (`canCancel`: TrueFoundry terminate, Mixpeek
   * task kill), one request per run, each followed by one status read (as `cancel()` does). Runs of services without a
   * stop call (Agentset, Shipyard) are left running. Keep waiting to see the runs end cancelled.
   * @returns how many runs the services were asked to stop.
   * @throws AggregateError when some requests failed (the others were sent); the signal's reason on abort.
   */
  async cancelAll(options: { signal?: AbortSignal } = {}): Promise<number> {
    const targets = this.#entries.filter((e) => e.result === undefined && e.run.canCancel).map((e) => e.run);
    let asked = 0;
    const errors: unknown[] = [];
    for (const run of targets) {
      options.signal?.throwIfAborted();
      try {
        await run.cancel({ signal: options.signal });
        asked++;
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        errors.push(error);
      }
    }
    this.#wake?.();
    if (errors.length > 0) throw new AggregateError(errors, `${errors.length} of ${targets.length} cancel requests failed; the other ${asked} were sent.`);
    return asked;
  }

  // The cycle: read every due run (through its scope's list where there is one, on its own otherwise), then end or
  // reschedule every run a read showed.
  async #cycle(signal: AbortSignal | undefined): Promise<void> {
    let now = this.#now();
    const groups = new Map<unknown, Entry<R>[]>();
    const followed = new Map<unknown, Entry<R>[]>();
    for (const entry of this.#entries) {
      if (entry.result !== undefined) continue;
      const key = scopeKey(entry.list);
      if (entry.due <= now + TOLERANCE) push(groups, key, entry);
      if (key !== undefined) push(followed, key, entry);
    }
    let requests = 0;
    let serverWait: number | undefined;
    const observed = new Set<Entry<R>>();
    const throttled = new Set<Entry<R>>();
    const errors = new Map<Entry<R>, Error>();
    const singles: Entry<R>[] = [];
    for (const [key, due] of groups) {
      if (key === undefined) {
        singles.push(...due);
        continue;
      }
      const scope = followed.get(key)!;
      try {
        // The list read serves every run of its scope: no sleep inside it ends past the earliest of their deadlines.
        const read = await this.#limited(scope, () => readRunList(due.map((e) => e.run), scope.map((e) => e.run), signal));
        requests += read.requests;
        for (const entry of scope) if (read.shown.has(entry.run)) observed.add(entry);
        singles.push(...due.filter((e) => !read.shown.has(e.run)));
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        requests++;
        const hint = throttle(error);
        if (hint === undefined) singles.push(...due);
        else {
          // The list was throttled after the client's own retries: back off, as a single wait does.
          serverWait = Math.max(serverWait ?? 0, hint);
          for (const entry of due) throttled.add(entry);
        }
      }
    }
    for (const entry of singles) {
      try {
        await this.#limited([entry], () => entry.run.updateStatus({ signal }));
        requests++;
        observed.add(entry);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        requests++;
        const hint = throttle(error);
        if (hint === undefined) errors.set(entry, error instanceof Error ? error : new Error(String(error)));
        else {
          serverWait = Math.max(serverWait ?? 0, hint);
          throttled.add(entry);
        }
      }
    }
    this.#reads += requests;
    now = this.#now();
    for (const [entry, error] of errors) {
      entry.reads++;
      this.#end(entry, error);
    }
    for (const entry of observed) {
      entry.reads++;
      this.#reschedule(entry, now, entry.run.isCompleted, undefined);
    }
    for (const entry of throttled) this.#reschedule(entry, now, false, serverWait);
  }

  #reschedule(entry: Entry<R>, now: number, completed: boolean, serverWait: number | undefined): void {
    if (entry.result !== undefined) return;
    if (completed) {
      this.#end(entry, failure(entry.run));
      return;
    }
    // The run's own schedule, as a single wait keeps it; a longer Retry-After is waited instead, once; both cut to its deadline.
    const followed = now - entry.added;
    const step = nextPoll(entry.interval, followed, this.#schedule, serverWait, this.#timeout - followed);
    entry.interval = step.interval;
    if (entry.deadlineRead || step.sleep === undefined) {
      // The read at the deadline did not see it end: stop following it (the run goes on).
      this.#end(entry, new RunWaitTimeoutError(entry.run, this.#timeout, entry.reads));
      return;
    }
    entry.deadlineRead = step.atDeadline;
    entry.due = now + step.sleep;
  }

  // Runs a read with the earliest deadline of the runs it serves as its delay limit (as a single wait does): a retry
  // delay or pacer wait inside it that would end past that deadline throws at once, and the read counts as throttled.
  #limited<T>(served: readonly Entry<R>[], read: () => Promise<T>): Promise<T> {
    let earliest = Number.POSITIVE_INFINITY;
    for (const entry of served) earliest = Math.min(earliest, entry.added + this.#timeout);
    return withDelayLimit(this.#clock!, this.#origin + earliest, read);
  }

  #end(entry: Entry<R>, error: Error | undefined): void {
    entry.result = new RunResult(entry.run, error, (this.#clock ?? Date).now());
    entry.endOrder = ++this.#endSequence;
  }

  async #sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const stop = new AbortController();
    const onAbort = () => stop.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    this.#wake = () => stop.abort();
    try {
      await this.#clock!.sleep(ms, stop.signal);
    } catch {
      // woken by add()/cancelAll(), or aborted (thrown below)
    } finally {
      this.#wake = undefined;
      signal?.removeEventListener("abort", onAbort);
    }
    signal?.throwIfAborted();
  }

  // Tells onProgress when a count or the oldest run changed since the last report.
  #report(onProgress: ((progress: RunGroupProgress) => void) | undefined, last: RunGroupProgress | undefined): RunGroupProgress | undefined {
    if (onProgress === undefined) return undefined;
    const now = this.#snapshot();
    if (last !== undefined && sameProgress(last, now)) return last;
    onProgress(now);
    return now;
  }

  #snapshot(): RunGroupProgress {
    return progressOf(this.#entries, this.#now(), this.#reads, (this.#clock ?? Date).now());
  }

  #now(): number {
    return this.#clock === undefined ? 0 : this.#clock.monotonic() - this.#origin;
  }
}
