import { InvalidArgumentError, ServiceTimeoutError, UnsupportedOperationError } from "../errors/clientErrors.js";
import { encodeResumeToken, ResumeTokenError } from "./resumeToken.js";
import { ServiceRequestError } from "../errors/serviceRequestError.js";
import { Guard } from "../guard.js";
import { type Clock, startTimer } from "../http/clock.js";
import { withDelayLimit } from "../http/delayLimit.js";
import { linkSignals } from "../http/signals.js";
import { nextPoll } from "./pollSchedule.js";
import { RunCancelledError, RunFailedError, RunWaitTimeoutError } from "./runErrors.js";
import { isTerminal, type RunSnapshot, type RunStatus } from "./runStatus.js";

/**
 * How `waitForCompletion` polls. Times are milliseconds. The wait after each read is the largest of `pollInterval`,
 * the previous wait times `backoffFactor` and `pollIntervalRatio` times the time waited so far, at most
 * `maxPollInterval` (whole milliseconds). With the defaults a run is read every second for its first 10 s, then each
 * wait is a tenth of the time waited so far (reads at 10, 11, 12.1, 13.31 … s), up to one read a minute: a run of 10 s
 * or longer is noticed at most 10% of its length after it ended (and at most a minute after), a shorter one within a
 * second. The same rule and defaults as the .NET `RunWaitOptions`.
 */
export interface RunWaitOptions {
  /** The wait after the first read, and the shortest wait between two reads. Default 1 000 ms. */
  pollInterval?: number;
  /** The longest wait between two reads (a longer `pollInterval` is used instead). Default 60 000 ms. */
  maxPollInterval?: number;
  /**
   * The wait before the next read as a fraction of the time waited so far, 0–10: 0.1 waits 1 s after 10 s, 6 s after
   * a minute, so a run that ends after `pollInterval` / ratio is noticed at most this fraction of its length late. 0
   * turns it off (the interval then grows only by `backoffFactor`). Default 0.1.
   */
  pollIntervalRatio?: number;
  /** Growth of each wait over the previous one, 1–10, whatever the time waited (1: none of its own). Default 1. */
  backoffFactor?: number;
  /**
   * How long to wait in all, kept to the letter: no sleep between two reads goes past it (a longer one, a Retry-After
   * too, is cut to the time left), the run is read once more at the deadline, and only a run that read does not see end
   * is {@link RunWaitTimeoutError} (the run is not stopped). A read still under way when the deadline passes is abandoned
   * then (the timeout, no further read); the read at the deadline is bounded by the client's own timeouts. No sleep
   * inside a read (the client's retry delay, the rate-limit pacer's wait) passes the deadline: a retry that would is
   * not made, and a read the pacer would hold past it is not sent. Default 3 600 000 ms (1 h); zero is refused (a wait reads at least once).
   */
  timeout?: number;
  /** Throw {@link RunFailedError} when the run ends failed, {@link RunCancelledError} (a RunFailedError) when cancelled. Default true. */
  throwOnFailure?: boolean;
  /** Called with each snapshot read. */
  onProgress?: (snapshot: RunSnapshot) => void;
  /** Aborts the wait; the reason is thrown as is. */
  signal?: AbortSignal;
}

/** A run handle after `waitForCompletion`: its `value` has been read from the service, so it is never undefined. */
export type CompletedRun<R extends { readonly value: unknown }> = R & { readonly value: NonNullable<R["value"]> };

/**
 * @internal How a handle reads and stops its run; the client builds it with the caller's per-call options captured,
 * so every status read and the cancel carry them.
 */
export interface RunSource<T> {
  /** Reads the service's object again (one call under the client's retry rules). */
  read: (signal: AbortSignal | undefined) => Promise<T>;
  /** The common status, raw status and error text of an object. */
  snapshot: (value: T) => Omit<RunSnapshot, "observedAt">;
  /** Asks the service to stop the run; undefined where the service has no such call. */
  cancel?: (value: T, signal: AbortSignal | undefined) => Promise<void>;
  /** The message of the UnsupportedOperationError `cancel()` throws without `cancel`: what to do instead. */
  cannotCancel?: string;
  /** False when `read` cannot succeed (a TrueFoundry run started by deployment id): `cancel()` then skips its status read. */
  canRead?: boolean;
}

/** @internal What a run group reaches in a handle: its client's clock, and a value a list read showed. */
export let runInternals: {
  clock(run: TriggeredRun<any>): Clock;
  observe<T>(run: TriggeredRun<T>, value: T): void;
};

/**
 * A run started by a trigger (or rehydrated with a service's `track(…)`), like the .NET `TriggeredRun<T>`: `value` is
 * the service's own object as last read (ingest job, job run, fleet-run CSV row, task), `status` the common status,
 * `rawStatus` the service's word, and `waitForCompletion()` resolves to this handle once the run is final.
 * @typeParam T - the service's object; `undefined` is part of it where a handle made from an id has not been read yet.
 */
export class TriggeredRun<T> {
  /** Service name, e.g. `"Agentset"`. */
  readonly service: string;
  /** The run's id in its service (job id, run name, fleet run id, task id). */
  readonly id: string;
  #value: T;
  #current: RunSnapshot;
  readonly #source: RunSource<T>;
  readonly #clock: Clock;

  /** @internal Built by the service clients. */
  constructor(service: string, id: string, value: T, source: RunSource<T>, clock: Clock) {
    this.service = service;
    this.id = id;
    this.#value = value;
    this.#source = source;
    this.#clock = clock;
    this.#current = { ...source.snapshot(value), observedAt: clock.now() };
  }

  /** The service's own object as last read (the trigger's answer until the first status read). */
  get value(): T { return this.#value; }
  /** The last snapshot read. */
  get current(): RunSnapshot { return this.#current; }
  /** The common status of the last snapshot. */
  get status(): RunStatus { return this.#current.status; }
  /** The service's own status word of the last snapshot. */
  get rawStatus(): string | undefined { return this.#current.rawStatus; }
  /** The service's error text of the last snapshot. */
  get errorMessage(): string | undefined { return this.#current.errorMessage; }
  /** Whether the last snapshot is final. */
  get isCompleted(): boolean { return isTerminal(this.#current.status); }
  /** Whether `cancel()` can stop this run: true only where the service has a call for it (TrueFoundry terminate, Mixpeek task kill). */
  get canCancel(): boolean { return this.#source.cancel !== undefined; }
  /**
   * The run's resume token (`atr1.…`: the service, the ids and the per-call scope such as namespace and tenant, never a
   * credential), for the service client's `resumeRun(token)` in this or any other language; undefined when the handle
   * cannot be resumed (a TrueFoundry run started by deployment id, a model factory's handle).
   */
  get resumeToken(): string | undefined { return resumeTokens.get(this)?.(); }

  /** Reads the status once. @returns the common status now. @throws the service call's errors. */
  async updateStatus(options: { signal?: AbortSignal } = {}): Promise<RunStatus> {
    const value = await this.#source.read(options.signal);
    this.#value = value;
    this.#current = { ...this.#source.snapshot(value), observedAt: this.#clock.now() };
    return this.#current.status;
  }

  /**
   * Polls until the run is final. A 429/503 while polling (after the client's own retries) waits its
   * `Retry-After` and polls again; other errors surface as they are. The `timeout` is kept to the letter: a sleep that
   * would end past it is cut to the time left, the run is read once more at the deadline, and a run that read shows
   * final is returned (or its failure thrown); only a run still going then is `RunWaitTimeoutError`.
   * @returns this run, final, with `value` read. @throws RunFailedError (failed; RunCancelledError when cancelled; with `throwOnFailure`),
   * RunWaitTimeoutError, InvalidArgumentError for bad options, the signal's reason on abort.
   */
  async waitForCompletion(options: RunWaitOptions = {}): Promise<CompletedRun<this>> {
    const pollInterval = Guard.positive(options.pollInterval ?? 1_000, "pollInterval");
    const maxPollInterval = Guard.positive(options.maxPollInterval ?? 60_000, "maxPollInterval");
    const timeout = Guard.positive(options.timeout ?? 3_600_000, "timeout");
    const factor = Guard.between(options.backoffFactor ?? 1, 1, 10, "backoffFactor");
    const ratio = Guard.between(options.pollIntervalRatio ?? 0.1, 0, 10, "pollIntervalRatio");
    const schedule = { pollInterval, maxPollInterval, pollIntervalRatio: ratio, backoffFactor: factor };
    const throwOnFailure = options.throwOnFailure ?? true;
    // The deadline on the monotonic clock (a stepped wall clock neither ends nor extends the wait); the timer is the
    // clock's (chained past setTimeout's 2^31-1 ms, so a 30-day timeout is 30 days), cleared in the finally. It aborts a
    // read still under way at the deadline (a hung read cannot outlive the wait); the read at the deadline itself is
    // bounded by the client's own timeouts, and sleeps need no timer: each is cut to the time left.
    const clock = this.#clock;
    const started = clock.monotonic();
    const deadlineAt = started + timeout;
    const wait = linkSignals(options.signal);
    let expired = false;
    const cancelTimer = startTimer(clock, timeout, () => {
      expired = true;
      wait.abort(new Error("the run wait timed out"));
    });
    let interval: number | undefined;
    let polls = 0;
    let deadlineRead = false;
    const timedOut = () => new RunWaitTimeoutError(this, timeout, polls);
    try {
      for (;;) {
        options.signal?.throwIfAborted();
        // A sleep that overran the deadline by a timer's lateness: this read is the one at the deadline.
        deadlineRead ||= expired;
        let serverWait: number | undefined;
        try {
          // Every read carries the deadline as its delay limit: no retry delay or pacer wait inside it ends past the
          // deadline (one that would throws at once, and is handled below as any throttled read).
          await withDelayLimit(clock, deadlineAt, () => this.updateStatus({ signal: deadlineRead ? options.signal : wait.signal }));
          polls++;
          options.onProgress?.(this.#current);
        } catch (error) {
          if (options.signal?.aborted) throw options.signal.reason;
          if (!deadlineRead && (expired || error instanceof ServiceTimeoutError && clock.monotonic() - started >= timeout)) throw timedOut();
          if (error instanceof ServiceRequestError && (error.status === 429 || error.status === 503)) serverWait = error.retryAfter;
          else throw error;
        }
        if (this.isCompleted) {
          if (this.status !== "succeeded" && throwOnFailure) throw this.status === "cancelled" ? new RunCancelledError(this) : new RunFailedError(this);
          return this as CompletedRun<this>;
        }
        const elapsed = clock.monotonic() - started;
        const step = nextPoll(interval, elapsed, schedule, serverWait, timeout - elapsed);
        interval = step.interval;
        // The read at the deadline (or one that ended past it) did not see the run end; the run goes on.
        if (deadlineRead || step.sleep === undefined) throw timedOut();
        deadlineRead = step.atDeadline;
        try {
          await clock.sleep(step.sleep, options.signal);
        } catch (error) {
          throw options.signal?.aborted ? options.signal.reason : error;
        }
      }
    } finally {
      cancelTimer();
      wait.dispose();
    }
  }

  /**
   * Asks the service to stop the run, then reads its status once. Only where {@link canCancel} (TrueFoundry
   * terminate, Mixpeek task kill); stopping is asynchronous, so wait for completion to see the run end cancelled.
   * @throws UnsupportedOperationError where the service has no such call (the message says what to do instead); the call's errors.
   */
  async cancel(options: { signal?: AbortSignal } = {}): Promise<void> {
    const cancel = this.#source.cancel;
    if (!cancel) {
      throw new UnsupportedOperationError(this.#source.cannotCancel ?? `${this.service} has no operation to stop a run; run ${this.id} goes on.`, { service: this.service });
    }
    await cancel(this.#value, options.signal);
    if (this.#source.canRead !== false) await this.updateStatus(options);
  }

  static {
    // The run group's access to a handle (a list read's row becomes the handle's value), without a public member.
    runInternals = {
      clock: (run) => run.#clock,
      observe: (run, value) => {
        run.#value = value;
        run.#current = { ...run.#source.snapshot(value), observedAt: run.#clock.now() };
      },
    };
  }

  /** `Service run id: status (raw)`. */
  toString(): string {
    return `${this.service} run ${this.id}: ${this.status} (${this.rawStatus ?? "not yet visible"})`;
  }
}

// Tokens are attached by the sub-client that made the handle (it knows the scope): no constructor changes.
const resumeTokens = new WeakMap<object, () => string | undefined>();

/** @internal Gives a handle its resume token (computed when read; undefined when a field breaks the token's rules). */
export function withResumeToken<R extends object>(run: R, fields: () => { service: string; [field: string]: string | null | undefined }): R {
  resumeTokens.set(run, () => {
    try {
      return encodeResumeToken(fields());
    } catch (error) {
      if (error instanceof ResumeTokenError || error instanceof InvalidArgumentError) return undefined;
      throw error;
    }
  });
  return run;
}

