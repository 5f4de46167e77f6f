import { nextPollInterval } from "../../../src/core/runs/pollSchedule.js";
import type { JsonObject } from "../suite.js";

/** poll-schedule: {previousWaitMs, elapsedMs, pollIntervalMs, maxPollIntervalMs, pollIntervalRatio, backoffFactor} → {waitMs} through nextPollInterval. */
export function pollSchedule(input: JsonObject): JsonObject {
  const previous = input["previousWaitMs"];
  return {
    waitMs: nextPollInterval(typeof previous === "number" ? previous : undefined, input["elapsedMs"] as number, {
      pollInterval: input["pollIntervalMs"] as number,
      maxPollInterval: input["maxPollIntervalMs"] as number,
      pollIntervalRatio: input["pollIntervalRatio"] as number,
      backoffFactor: input["backoffFactor"] as number,
    }),
  };
}
