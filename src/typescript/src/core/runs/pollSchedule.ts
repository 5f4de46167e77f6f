/** The poll schedule's settings, resolved and checked (`waitForCompletion`'s options; times in ms). */
export interface PollSchedule {
  pollInterval: number;
  maxPollInterval: number;
  pollIntervalRatio: number;
  backoffFactor: number;
}

/**
 * The wait after a read (conformance rule `poll-schedule`, as .NET's `RunWaitOptions.NextPollInterval`): the largest of
 * the poll interval, the previous wait grown by the backoff factor and the ratio of the time waited so far, capped by the
 * larger of the two interval limits, in whole milliseconds.
 * @param previous - the schedule's previous wait (not a server's Retry-After); undefined after the first read.
 * @param elapsed - the time since the wait started, in ms.
 */
export function nextPollInterval(previous: number | undefined, elapsed: number, schedule: PollSchedule): number {
  const next = Math.max(schedule.pollInterval, schedule.pollIntervalRatio * elapsed, previous === undefined ? 0 : previous * schedule.backoffFactor);
  return Math.floor(Math.min(next, Math.max(schedule.maxPollInterval, schedule.pollInterval)));
}

/** What a wait does after a read that did not see the run end (conformance rule `poll-schedule`, as .NET's `RunWaitOptions.NextPoll`; ms). */
export interface PollStep {
  /** The schedule's own wait, grown from the previous one (a Retry-After does not feed the schedule). */
  interval: number;
  /** How long to sleep before the next read; undefined when no read is left (the deadline has passed). */
  sleep: number | undefined;
  /** The next read is the one at the deadline, the last: a run it does not see ended has timed out. */
  atDeadline: boolean;
}

/**
 * The schedule's own wait ({@link nextPollInterval}), or the service's Retry-After when longer, cut to the time left to
 * the deadline, so the last read comes at the deadline itself rather than before or after it.
 * @param serverWait - the Retry-After of a 429/503 answer to the read, in ms; undefined when none.
 * @param remaining - the time left to the deadline, in ms; undefined for a wait without timeout.
 */
export function nextPoll(previous: number | undefined, elapsed: number, schedule: PollSchedule, serverWait: number | undefined, remaining: number | undefined): PollStep {
  const interval = nextPollInterval(previous, elapsed, schedule);
  const wait = Math.max(serverWait ?? 0, interval);
  if (remaining === undefined) return { interval, sleep: wait, atDeadline: false };
  if (remaining <= 0) return { interval, sleep: undefined, atDeadline: false };
  return wait >= remaining ? { interval, sleep: remaining, atDeadline: true } : { interval, sleep: wait, atDeadline: false };
}
