import { nextPoll } from "../../../src/core/runs/pollSchedule.js";
import type { JsonObject } from "../suite.js";

/**
 * poll-schedule: {previousWaitMs, elapsedMs, pollIntervalMs, maxPollIntervalMs, pollIntervalRatio, backoffFactor, retryAfterMs,
 * remainingMs} → {waitMs, sleepMs, deadlineRead} through nextPoll.
 */
export function pollSchedule(input: JsonObject): JsonObject {
  const optional = (value: unknown) => (typeof value === "number" ? value : undefined);
  const step = nextPoll(optional(input["previousWaitMs"]), input["elapsedMs"] as number, {
    pollInterval: input["pollIntervalMs"] as number,
    maxPollInterval: input["maxPollIntervalMs"] as number,
    pollIntervalRatio: input["pollIntervalRatio"] as number,
    backoffFactor: input["backoffFactor"] as number,
  }, optional(input["retryAfterMs"]), optional(input["remainingMs"]));
  return { waitMs: step.interval, sleepMs: step.sleep ?? null, deadlineRead: step.atDeadline };
}
