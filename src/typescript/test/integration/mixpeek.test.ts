import { describe, expect, it } from "vitest";
import { BadRequestError, NotFoundError, RunFailedError, UnprocessableEntityError } from "../../src/index.js";
import { admin, fakes, mixpeekClient, quickWait } from "./fakes.js";

const daily = (cluster: string) => ({
  action_type: "cluster", action_config: { cluster_id: cluster }, trigger_type: "cron",
  schedule_config: { cron_expression: "0 2 * * *", timezone: "Europe/Berlin" }, description: "Daily clustering",
});

describe.skipIf(!fakes)("Mixpeek against astro-triggers fakes (MixpeekFakeTests)", () => {
  it("trigger lifecycle: create → get → list → update → pause (execution refused) → resume → execute → wait → history → delete", async () => {
    const mixpeek = mixpeekClient();
    const trigger = await mixpeek.triggers.create(daily("clust_lifecycle"));
    expect([trigger.status, trigger.action_type, trigger.execution_count]).toEqual(["active", "cluster", 0]);
    expect((await mixpeek.triggers.get(trigger.trigger_id)).description).toBe("Daily clustering");
    const listed = await mixpeek.triggers.list({ actionType: "cluster", resourceId: "clust_lifecycle" }).toArray();
    expect(listed.map((t) => t.trigger_id)).toEqual([trigger.trigger_id]);

    const updated = await mixpeek.triggers.update(trigger.trigger_id, { description: "Nightly clustering" });
    expect(updated.description).toBe("Nightly clustering");
    expect((await mixpeek.triggers.pause(trigger.trigger_id)).status).toBe("paused");
    const refused = (await mixpeek.executions.start(trigger.trigger_id).catch((e: unknown) => e)) as BadRequestError;
    expect(refused).toBeInstanceOf(BadRequestError);
    expect([refused.status, refused.errorCode, refused.mayHaveBeenProcessed]).toEqual([400, "BadRequestError", false]);
    expect((await mixpeek.triggers.resume(trigger.trigger_id)).status).toBe("active");

    const run = await mixpeek.executions.start(trigger.trigger_id);
    expect([run.status, run.rawStatus, run.canCancel]).toEqual(["queued", "PENDING", true]);
    const done = await run.waitForCompletion(quickWait);
    expect([done.status, done.value.status, done.value.task_id]).toEqual(["succeeded", "COMPLETED", run.id]);
    expect((await mixpeek.executions.get(run.id)).status).toBe("COMPLETED");
    expect(await mixpeek.executions.track(run.id).updateStatus()).toBe("succeeded");

    const history = await mixpeek.executions.list(trigger.trigger_id).toArray();
    expect(history.map((e) => [e.task_id, e.status])).toEqual([[run.id, "COMPLETED"]]);
    expect((await mixpeek.triggers.get(trigger.trigger_id)).execution_count).toBe(1);

    await mixpeek.triggers.delete(trigger.trigger_id);
    const gone = (await mixpeek.triggers.get(trigger.trigger_id).catch((e: unknown) => e)) as NotFoundError;
    expect([gone.status, gone.errorCode]).toEqual([404, "NotFoundError"]);
  });

  it("cancel: run.cancel() kills the task (CANCELED, read once), a second kill changes nothing, history pages by offset", async () => {
    const mixpeek = mixpeekClient();
    const trigger = await mixpeek.triggers.create(daily("clust_cancel"));
    // A --fast task finishes 300 ms after it starts; on a busy machine the kill may come later (the fake then answers
    // success and leaves the task COMPLETED), so a late kill is tried again with a new execution, at most three times.
    let run = await mixpeek.executions.start(trigger.trigger_id);
    await run.cancel();
    for (let attempt = 1; attempt < 3 && run.rawStatus === "COMPLETED"; attempt++) {
      run = await mixpeek.executions.start(trigger.trigger_id);
      await run.cancel();
    }
    expect([run.status, run.rawStatus]).toEqual(["cancelled", "CANCELED"]);
    await expect(run.waitForCompletion(quickWait)).rejects.toBeInstanceOf(RunFailedError);
    await mixpeek.executions.cancel(run.id);
    expect((await mixpeek.executions.get(run.id)).status).toBe("CANCELED");

    const second = await mixpeek.executions.start(trigger.trigger_id);
    await second.waitForCompletion(quickWait);
    const pages = [];
    for await (const page of mixpeek.executions.list(trigger.trigger_id, { pageSize: 1 }).byPage()) pages.push(page);
    expect(pages.map((p) => p.items.map((e) => [e.task_id, e.status])).slice(0, 2)).toEqual([[[second.id, "COMPLETED"]], [[run.id, "CANCELED"]]]);
    expect(pages[0]!.continuationToken).toBe("1");
    await mixpeek.triggers.delete(trigger.trigger_id);
  });

  it("an execution the fake fails (admin /fail-next) ends the wait with RunFailedError; the fake's 422 and 404 arrive typed", async () => {
    const mixpeek = mixpeekClient();
    const trigger = await mixpeek.triggers.create(daily("clust_fail"));
    await admin("POST", "/fail-next", { service: "mixpeek", count: 1, error: "Clustering failed: no documents" });
    const run = await mixpeek.executions.start(trigger.trigger_id);
    const error = (await run.waitForCompletion(quickWait).catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect([run.status, run.rawStatus, run.errorMessage]).toEqual(["failed", "FAILED", "Clustering failed: no documents"]);
    expect((await mixpeek.executions.list(trigger.trigger_id).toArray())[0]).toMatchObject({ task_id: run.id, status: "FAILED" });

    const invalid = (await mixpeek.triggers.create({ ...daily("x"), action_config: {} }).catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect(invalid.validationIssues[0]?.location).toEqual(["body", "action_config", "cluster_id"]);
    await expect(mixpeek.executions.get("task_missing")).rejects.toBeInstanceOf(NotFoundError);
    await expect(mixpeek.executions.start("trg_missing")).rejects.toBeInstanceOf(NotFoundError);
    await mixpeek.triggers.delete(trigger.trigger_id);
  });
});
