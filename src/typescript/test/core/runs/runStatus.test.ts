import { describe, expect, it } from "vitest";
import { mapIngestJobStatus, mapJobRunStatus, mapTaskStatus } from "../../../src/index.js";

// Each service's words onto the common RunStatus (src/core/runs/runStatus.ts), as README's table lists them; the maps
// themselves come from x-astro-run-status in the OpenAPI documents (src/generated/runStatus.ts).
describe("status mapping (README table)", () => {
  it("Agentset", () => {
    const expected: Record<string, string> = {
      BACKLOG: "queued", QUEUED: "queued", QUEUED_FOR_RESYNC: "queued", QUEUED_FOR_DELETE: "queued",
      PRE_PROCESSING: "running", PROCESSING: "running", DELETING: "running", CANCELLING: "running",
      COMPLETED: "succeeded", FAILED: "failed", CANCELLED: "cancelled", ARCHIVED_IN_2027: "unknown",
    };
    for (const [raw, common] of Object.entries(expected)) expect(mapIngestJobStatus(raw)).toBe(common);
  });
  it("TrueFoundry", () => {
    const expected: Record<string, string> = {
      CREATED: "queued", SCHEDULED: "queued", RUNNING: "running", FINISHED: "succeeded", FAILED: "failed",
      TERMINATION_REQUESTED: "cancelled", TERMINATING: "cancelled", TERMINATED: "cancelled", UNKNOWN: "unknown", PAUSED: "unknown",
    };
    for (const [raw, common] of Object.entries(expected)) expect(mapJobRunStatus(raw)).toBe(common);
  });
  it("Mixpeek tasks", () => {
    const expected: Record<string, string> = {
      PENDING: "queued", IN_PROGRESS: "running", PROCESSING: "running", COMPLETED: "succeeded", COMPLETED_WITH_ERRORS: "failed",
      FAILED: "failed", CANCELED: "cancelled", SKIPPED: "cancelled", UNKNOWN: "unknown", DRAFT: "unknown", ACTIVE: "unknown", PAUSED_2027: "unknown",
    };
    for (const [raw, common] of Object.entries(expected)) expect(mapTaskStatus(raw)).toBe(common);
  });
  it("toString keys are not statuses", () => {
    expect(mapIngestJobStatus("toString")).toBe("unknown");
    expect(mapTaskStatus("constructor")).toBe("unknown");
  });
});
