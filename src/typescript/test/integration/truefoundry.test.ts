import { describe, expect, it } from "vitest";
import { NotFoundError, RunFailedError, UnexpectedStatusError, UnsupportedOperationError } from "../../src/index.js";
import { admin, env, fakes, quickWait, trueFoundryClient } from "./fakes.js";

describe.skipIf(!fakes)("TrueFoundry against astro-triggers fakes (TrueFoundryFakeTests)", () => {
  it("start → wait → get → list → track: a run goes CREATED … FINISHED and is listed by offset pages", async () => {
    const tfy = trueFoundryClient();
    const applicationId = env("truefoundry", "TFY_APPLICATION_ID");
    const run = await tfy.jobRuns.start({ applicationId, input: { command: "python etl.py", params: { day: "2026-11-30" } } });
    expect([run.status, run.rawStatus, run.applicationId, run.message]).toEqual(["queued", "CREATED", applicationId, "Job triggered"]);
    const done = await run.waitForCompletion(quickWait);
    expect([done.status, done.rawStatus, done.value.status, done.value.name]).toEqual(["succeeded", "FINISHED", "FINISHED", run.id]);

    const read = await tfy.jobRuns.get(applicationId, run.id);
    expect([read.name, read.status]).toEqual([run.id, "FINISHED"]);

    const finished = await tfy.jobRuns.list(applicationId, { statuses: ["FINISHED"] }).toArray();
    expect(finished.map((r) => r.name)).toContain(run.id);
    expect(finished.every((r) => r.status === "FINISHED")).toBe(true);

    await tfy.jobRuns.start({ applicationId });
    const pages = [];
    for await (const page of tfy.jobRuns.list(applicationId, { pageSize: 1 }).byPage()) pages.push(page);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]!.continuationToken).toBe("1");
    expect(new Set(pages.flatMap((p) => p.items.map((r) => r.name))).size).toBe(pages.length);

    const tracked = tfy.jobRuns.track(applicationId, run.id);
    expect(await tracked.updateStatus()).toBe("succeeded");
    // Terminating a finished run: TrueFoundry's 417, from the fake too.
    const late = (await tfy.jobRuns.cancel(tracked.value.deploymentId!, run.id).catch((e: unknown) => e)) as UnexpectedStatusError;
    expect([late.status, late.errorCode]).toEqual([417, "EXPECTATION_FAILED"]);
  });

  it("cancel: run.cancel() terminates a running run (read as cancelled); jobRuns.cancel by deployment id answers the new status", async () => {
    const tfy = trueFoundryClient();
    const applicationId = env("truefoundry", "TFY_APPLICATION_ID");
    const deploymentId = env("truefoundry", "TFY_DEPLOYMENT_ID");
    // A --fast run finishes 600 ms after it starts; on a busy machine the terminate may come later (417), so a late
    // one is tried again with a new run, at most three times.
    const startAndCancel = async () => {
      const started = await tfy.jobRuns.start({ applicationId, input: { command: "sleep 60" } });
      expect(started.canCancel).toBe(true);
      const late = await started.cancel().then(() => undefined, (e: unknown) => e);
      if (late !== undefined && !(late instanceof UnexpectedStatusError && late.status === 417)) throw late;
      return { started, late };
    };
    let attempt = await startAndCancel();
    for (let i = 1; i < 3 && attempt.late !== undefined; i++) attempt = await startAndCancel();
    expect(attempt.late).toBeUndefined();
    const run = attempt.started;
    expect(run.status).toBe("cancelled");
    expect(["TERMINATION_REQUESTED", "TERMINATING", "TERMINATED"]).toContain(run.rawStatus);
    await expect(run.waitForCompletion(quickWait)).rejects.toBeInstanceOf(RunFailedError);

    const other = await tfy.jobRuns.start({ applicationId });
    const answer = await tfy.jobRuns.cancel(deploymentId, other.id);
    expect(answer.message).toBe("Termination requested");
    expect(["TERMINATION_REQUESTED", "TERMINATING", "TERMINATED"]).toContain(answer.jobRunStatus);
    const stopped = await tfy.jobRuns.track(applicationId, other.id).waitForCompletion({ ...quickWait, throwOnFailure: false });
    expect(stopped.status).toBe("cancelled");
    expect(["TERMINATION_REQUESTED", "TERMINATING", "TERMINATED"]).toContain(stopped.value.status);
  });

  it("a run started by deployment id is followed with track(applicationId, name); delete removes a run (then 404)", async () => {
    const tfy = trueFoundryClient();
    const applicationId = env("truefoundry", "TFY_APPLICATION_ID");
    const run = await tfy.jobRuns.start({ deploymentId: env("truefoundry", "TFY_DEPLOYMENT_ID") });
    await expect(run.updateStatus()).rejects.toBeInstanceOf(UnsupportedOperationError);
    const followed = await tfy.jobRuns.track(applicationId, run.id).waitForCompletion(quickWait);
    expect(followed.value.status).toBe("FINISHED");

    await tfy.jobRuns.delete(applicationId, run.id);
    await expect(tfy.jobRuns.get(applicationId, run.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await tfy.jobRuns.list(applicationId).toArray()).map((r) => r.name)).not.toContain(run.id);
  });

  it("a run the fake fails (admin /fail-next) ends the wait with RunFailedError and the run's error", async () => {
    await admin("POST", "/fail-next", { service: "truefoundry", count: 1, error: "OOMKilled" });
    const run = await trueFoundryClient().jobRuns.start({ applicationId: env("truefoundry", "TFY_APPLICATION_ID") });
    const error = (await run.waitForCompletion(quickWait).catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect([run.status, run.rawStatus, run.errorMessage]).toEqual(["failed", "FAILED", "OOMKilled"]);
  });
});
