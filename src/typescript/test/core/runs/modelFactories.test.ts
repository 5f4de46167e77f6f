import { describe, expect, it } from "vitest";
import {
  AgentsetModelFactory, AstropodModelFactory, InvalidArgumentError, MixpeekModelFactory, RunFailedError, ShipyardModelFactory,
  TrueFoundryModelFactory, UnsupportedOperationError, type IngestJob, type TriggerTask,
} from "../../../src/index.js";
import { job as wireJob } from "../../support/agentsetJson.js";

// Run handles in a given state, without a client (C#: <Service>ModelFactory, DetachedRun).
const job = (status: string): IngestJob => wireJob("job_1", status) as unknown as IngestJob;
const task = (status: string): TriggerTask => ({ task_id: "task_1", status }) as TriggerTask;

describe("model factories", () => {
  it("AgentsetModelFactory.ingestJobRun: a completed job waits at once, a failed one throws as from a client", async () => {
    const done = AgentsetModelFactory.ingestJobRun(job("COMPLETED"));
    expect([done.id, done.status, done.isCompleted, done.canCancel]).toEqual(["job_1", "succeeded", true, false]);
    expect((await done.waitForCompletion()).value.id).toBe("job_1");
    const failed = AgentsetModelFactory.ingestJobRun(job("FAILED"));
    await expect(failed.waitForCompletion()).rejects.toBeInstanceOf(RunFailedError);
    expect((await failed.waitForCompletion({ throwOnFailure: false })).status).toBe("failed");
  });

  it("a handle not in a final state says it has no client instead of hanging", async () => {
    const running = AgentsetModelFactory.ingestJobRun(job("PROCESSING"));
    const error = await running.waitForCompletion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toContain("built by AgentsetModelFactory without a client");
    await expect(MixpeekModelFactory.triggerExecutionRun(task("PROCESSING")).updateStatus()).rejects.toBeInstanceOf(UnsupportedOperationError);
  });

  it("MixpeekModelFactory.triggerExecutionRun: can cancel, as a real Mixpeek run, but cancel() says there is no client", async () => {
    const run = MixpeekModelFactory.triggerExecutionRun(task("COMPLETED"));
    expect([run.id, run.status, run.canCancel]).toEqual(["task_1", "succeeded", true]);
    await expect(run.cancel()).rejects.toBeInstanceOf(UnsupportedOperationError);
  });

  it("TrueFoundryModelFactory: a job run with instants as epoch ms, and its handle", async () => {
    const created = new Date("2026-11-30T10:00:00Z");
    const ended = new Date("2026-11-30T10:00:05Z");
    const run = TrueFoundryModelFactory.jobRun("etl-1", { status: "FINISHED", applicationId: "app-1", createdAt: created, endTime: ended, exitCode: 0 });
    expect(run).toEqual({ name: "etl-1", status: "FINISHED", applicationId: "app-1", createdAt: created.getTime(), endTime: ended.getTime(), duration: 5000, exitCode: 0 });
    const handle = TrueFoundryModelFactory.trueFoundryJobRun(run, undefined, "Job triggered");
    expect([handle.id, handle.status, handle.applicationId, handle.message, handle.canCancel]).toEqual(["etl-1", "succeeded", "app-1", "Job triggered", true]);
    expect((await handle.waitForCompletion()).value.exitCode).toBe(0);
    await expect(handle.cancel()).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(() => TrueFoundryModelFactory.jobRun(" ")).toThrow(InvalidArgumentError);
  });

  it("ShipyardModelFactory: a CSV row and a handle whose status comes from it (none: queued)", async () => {
    const record = ShipyardModelFactory.fleetRunRecord({ fleetLogId: "fr_1", status: "Success", columns: { "Fleet Name": "nightly", Status: "ignored" } });
    expect(record).toEqual({ fleetLogId: "fr_1", status: "Success", columns: { "Fleet Name": "nightly", Status: "Success", "Fleet Log ID": "fr_1" } });
    const ids = { requestId: undefined, orgId: "o", projectId: "p", fleetId: "f", fleetRunId: "fr_1", logUrl: undefined };
    const done = ShipyardModelFactory.shipyardFleetRun(ids, record);
    expect([done.id, done.status, done.value?.status, done.canCancel]).toEqual(["fr_1", "succeeded", "Success", false]);
    expect((await done.waitForCompletion()).value.fleetLogId).toBe("fr_1");
    expect(ShipyardModelFactory.shipyardFleetRun(ids, undefined).status).toBe("queued");
    expect(ShipyardModelFactory.shipyardFleetRun(ids, ShipyardModelFactory.fleetRunRecord({ status: "Parked" }), { parked: "cancelled" }).status).toBe("cancelled");
  });

  it("AstropodModelFactory.ingestionTrigger: the trigger result, triggered by default", () => {
    expect(AstropodModelFactory.ingestionTrigger("docs", { jobName: "ingest-1" })).toEqual({
      status: "triggered", jobName: "ingest-1", namespace: undefined, ingestion: "docs", hasStatusSource: false,
    });
    expect(() => AstropodModelFactory.ingestionTrigger("")).toThrow(InvalidArgumentError);
  });
});
