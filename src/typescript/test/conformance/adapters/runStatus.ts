import { mapIngestJobStatus, mapFleetRunStatus, mapJobRunStatus, mapTaskStatus } from "../../../src/index.js";
import type { JsonObject } from "../suite.js";
import { optional } from "./ruleAdapter.js";

/** run-status: {service, status} → {status} through each service's exported map. */
export function runStatus(input: JsonObject): JsonObject {
  const word = optional(input["status"]);
  const service = input["service"];
  switch (service) {
    case "agentset": return { status: mapIngestJobStatus(word) };
    case "truefoundry": return { status: mapJobRunStatus(word) };
    case "shipyard": return { status: mapFleetRunStatus(word) };
    case "mixpeek": return { status: mapTaskStatus(word) };
    default: throw new Error(`run-status: unknown service ${String(service)}`);
  }
}
