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
