import { InvalidArgumentError, TimeoutError, UnsupportedOperationError } from "../errors/clientErrors.js";
import { ServiceRequestError } from "../errors/serviceRequestError.js";
import { Guard } from "../guard.js";
import type { Clock } from "../http/clock.js";
import { RunFailedError, RunWaitTimeoutError } from "./runErrors.js";
import { isTerminal, type RunSnapshot, type RunStatus } from "./runStatus.js";

/** How `waitForCompletion` polls. Times are milliseconds. */
export interface WaitOptions {
  /** First interval between status reads. Default 2 000 ms. */
  pollInterval?: number;
  /** Largest interval; the interval grows by `backoffFactor` up to it. Default 30 000 ms. */
  maxPollInterval?: number;
  /** Growth of the interval per read, 1–10. Default 1.5. */
  backoffFactor?: number;
  /** How long to wait in all. Default 3 600 000 ms (1 h). Then {@link RunWaitTimeoutError} (the run is not stopped). */
  timeout?: number;
  /** Throw {@link RunFailedError} when the run ends failed or cancelled. Default true. */
  throwOnFailure?: boolean;
  /** Called with each snapshot read. */
  onProgress?: (snapshot: RunSnapshot) => void;
  /** Aborts the wait; the reason is thrown as is. */
  signal?: AbortSignal;
}

/**
 * A run started by a trigger (or rehydrated with `track(id)`): its common status, the service's own word, and
 * `waitForCompletion()`. Subclasses read the status from their service.
 */
export abstract class TriggeredRun {
  /** Service name. */
  readonly service: string;
  /** The run's id in its service (job id, run name, fleet run id). */
  readonly id: string;
  #current: RunSnapshot;
  readonly #clock: Clock;

  /** @internal */
  protected constructor(service: string, id: string, initial: RunSnapshot, clock: Clock) {
    this.service = service;
    this.id = id;
    this.#current = initial;
    this.#clock = clock;
  }

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

  /** Reads the status once. @throws the service call's errors. */
  async updateStatus(options: { signal?: AbortSignal } = {}): Promise<RunStatus> {
    const observed = await this.fetchStatus(options.signal);
    this.#current = { ...observed, observedAt: this.#clock.now() };
    return observed.status;
  }

  /**
   * Polls until the run is final. A 429/503 while polling (after the client's own retries) waits its
   * `Retry-After` and polls again; other errors surface as they are.
   * @returns this run, final. @throws RunFailedError (failed/cancelled, with `throwOnFailure`), RunWaitTimeoutError,
   * InvalidArgumentError for bad options, the signal's reason on abort.
   */
  async waitForCompletion(options: WaitOptions = {}): Promise<this> {
    const pollInterval = Guard.positive(options.pollInterval ?? 2_000, "pollInterval");
    const maxPollInterval = Guard.positive(options.maxPollInterval ?? 30_000, "maxPollInterval");
    const timeout = Guard.positive(options.timeout ?? 3_600_000, "timeout");
    const factor = options.backoffFactor ?? 1.5;
    if (!(factor >= 1 && factor <= 10)) throw new InvalidArgumentError("backoffFactor", "'backoffFactor' must be between 1 and 10.");
    const throwOnFailure = options.throwOnFailure ?? true;
    const deadline = this.#clock.now() + timeout;
    const deadlineTimer = new AbortController();
    const timer = setTimeout(() => deadlineTimer.abort(), timeout);
    const signal = options.signal ? AbortSignal.any([options.signal, deadlineTimer.signal]) : deadlineTimer.signal;
    let interval = pollInterval;
    let polls = 0;
    const timedOut = () => new RunWaitTimeoutError(this.service, this.id, timeout, polls, this.#current);
    try {
      for (;;) {
        options.signal?.throwIfAborted();
        if (this.#clock.now() >= deadline || deadlineTimer.signal.aborted) throw timedOut();
        let serverWait: number | undefined;
        try {
          await this.updateStatus({ signal });
          polls++;
          options.onProgress?.(this.#current);
        } catch (error) {
          if (options.signal?.aborted) throw options.signal.reason;
          if (deadlineTimer.signal.aborted || error instanceof TimeoutError && this.#clock.now() >= deadline) throw timedOut();
          if (error instanceof ServiceRequestError && (error.status === 429 || error.status === 503)) serverWait = error.retryAfter ?? interval;
          else throw error;
        }
        if (this.isCompleted) {
          if (this.status !== "succeeded" && throwOnFailure) throw new RunFailedError(this.service, this.id, this.#current);
          return this;
        }
        const wait = Math.min(Math.max(serverWait ?? 0, interval), Math.max(0, deadline - this.#clock.now()));
        try {
          await this.#clock.sleep(wait, signal);
        } catch (error) {
          if (options.signal?.aborted) throw options.signal.reason;
          throw timedOut();
        }
        interval = Math.min(interval * factor, Math.max(maxPollInterval, pollInterval));
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Asks the service to stop the run. Only where the service can (TrueFoundry terminate).
   * @throws UnsupportedOperationError elsewhere.
   */
  async cancel(_options: { signal?: AbortSignal } = {}): Promise<void> {
    throw new UnsupportedOperationError(`${this.service} has no operation to stop a run; run ${this.id} goes on.`, { service: this.service });
  }

  /** Reads the run's status from its service. */
  protected abstract fetchStatus(signal: AbortSignal | undefined): Promise<RunSnapshot>;

  /** The client's clock, for subclasses' snapshots. */
  protected now(): number {
    return this.#clock.now();
  }

  /** `Service run id: status (raw)`. */
  toString(): string {
    return `${this.service} run ${this.id}: ${this.status} (${this.rawStatus ?? "not yet visible"})`;
  }
}
