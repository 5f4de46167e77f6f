import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, MixpeekClient, RunFailedError, UnprocessableEntityError } from "../../src/index.js";
import { KEY } from "../support/clients.js";
import { json, raw, ScriptedServer } from "../support/scriptedServer.js";
import { VirtualClock } from "../support/virtualClock.js";

const trigger = (id: string, extra: Record<string, unknown> = {}) => ({
  trigger_id: id, namespace_id: "ns_prod", action_type: "cluster", action_config: { cluster_id: "clust_1" }, trigger_type: "cron",
  schedule_config: { cron_expression: "0 2 * * *", timezone: "Europe/Berlin" }, status: "active", execution_count: 0, consecutive_failures: 0,
  event_counter: 0, created_at: "2026-11-30T10:00:00", updated_at: "2026-11-30T10:00:00", ...extra,
});
const CREATE = { action_type: "cluster", action_config: { cluster_id: "clust_1" }, trigger_type: "cron", schedule_config: { cron_expression: "0 2 * * *", timezone: "Europe/Berlin" } };

describe("Mixpeek triggers (TriggersClientTests, TriggerPagingTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());
  const client = () => new MixpeekClient({ baseUrl: server.url, apiKey: KEY, namespace: "ns_prod", clock: new VirtualClock() });

  it("create sends Bearer + X-Namespace and reads naive timestamps as UTC", async () => {
    server.reply(json(201, trigger("trg_1")));
    const created = await client().triggers.create({ ...CREATE, description: "Daily clustering" });
    expect(created.trigger_id).toBe("trg_1");
    expect(new Date(created.created_at).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    const seen = server.requests[0]!;
    expect(seen.headers["x-namespace"]).toBe("ns_prod");
    expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(seen.body)).toEqual({ ...CREATE, description: "Daily clustering" });
  });

  it("list walks three pages sending filters, sort and offsets in the body", async () => {
    server.reply(
      json(200, { results: [trigger("t1"), trigger("t2")], total: 5, offset: 0, limit: 2 }),
      json(200, { results: [trigger("t3"), trigger("t4")], total: 5, offset: 2, limit: 2 }),
      json(200, { results: [trigger("t5")], total: 5, offset: 4, limit: 2 }),
    );
    const ids = (await client().triggers.list({ actionType: "cluster", status: "active", sortBy: "updated_at", direction: "asc", pageSize: 2 }).toArray()).map((t) => t.trigger_id);
    expect(ids).toEqual(["t1", "t2", "t3", "t4", "t5"]);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([0, 2, 4].map((offset) => ({ action_type: "cluster", status: "active", sort_by: "updated_at", direction: "asc", offset, limit: 2 })));
  });

  it("history pages with offset and limit in the query; pages resume from their token", async () => {
    const exec = (n: number) => ({ task_id: `e${n}`, triggered_at: "2026-11-30T10:00:00", status: "COMPLETED" });
    server.reply(json(200, { trigger_id: "t1", executions: [exec(1)], total: 2, offset: 0, limit: 1 }));
    const executions = client().executions;
    const first = (await executions.list("t1", { pageSize: 1 }).byPage().next()).value!;
    expect(first.continuationToken).toBe("1");
    server.reply(json(200, { trigger_id: "t1", executions: [exec(2)], total: 2, offset: 1, limit: 1 }));
    const rest = await (async () => { const out = []; for await (const p of executions.list("t1").byPage({ continuationToken: first.continuationToken, pageSize: 1 })) out.push(...p.items); return out; })();
    expect(rest.map((e) => e.task_id)).toEqual(["e2"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/triggers/t1/history?offset=0&limit=1", "/v1/triggers/t1/history?offset=1&limit=1"]);
  });

  it("pause, resume and update retry like reads (x-astro-idempotent); an execution start is sent once", async () => {
    server.reply(json(502, "bad"), json(200, trigger("t1", { status: "paused" })), json(502, "bad"));
    const mixpeek = client();
    expect((await mixpeek.triggers.pause("t1")).status).toBe("paused");
    await expect(mixpeek.executions.start("t1")).rejects.toMatchObject({ status: 502, mayHaveBeenProcessed: true });
    expect(server.requests.map((r) => r.path)).toEqual(["/v1/triggers/t1/pause", "/v1/triggers/t1/pause", "/v1/triggers/t1/execute"]);
  });

  it("FastAPI's 422 is UnprocessableEntityError with validation issues", async () => {
    server.reply(json(422, { detail: [{ loc: ["body", "action_config", "cluster_id"], msg: "Field required", type: "missing" }] }));
    const error = (await client().triggers.create(CREATE).catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error.validationIssues[0]).toEqual({ location: ["body", "action_config", "cluster_id"], message: "Field required", type: "missing" });
  });

  it("bad namespaces, schedules, empty updates and page sizes are refused before sending", async () => {
    const triggers = client().triggers;
    await expect(triggers.get("t1", { namespace: "ns prod\r\n" })).rejects.toThrow(/\^\[A-Za-z0-9_.-\]\{1,128\}\$/);
    await expect(triggers.create({ ...CREATE, trigger_type: "interval", schedule_config: { interval_seconds: 30 } })).rejects.toThrow(/at least 60/);
    await expect(triggers.create({ ...CREATE, schedule_config: { cron_expression: "* *" } })).rejects.toThrow(/five-field/);
    await expect(triggers.update("t1", {})).rejects.toThrow(/sets nothing/);
    expect(() => triggers.list({ pageSize: 0 })).toThrow(InvalidArgumentError);
    expect(() => new MixpeekClient({ apiKey: KEY }).triggers.list()).toThrow(/namespace is required/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("Mixpeek executions (ExecutionsClient: start, track, get, cancel)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());
  const client = () => new MixpeekClient({ baseUrl: server.url, apiKey: KEY, namespace: "ns_prod", clock: new VirtualClock() });
  const task = (status: string, extra: Record<string, unknown> = {}) => ({ task_id: "task_1", task_type: "cluster", status, ...extra });

  it("start executes the trigger and follows its task at GET /v1/tasks/{task_id} to the end", async () => {
    server.reply(json(200, task("PENDING")), json(200, task("PROCESSING")), json(200, task("COMPLETED", { outputs: [1] })));
    const run = await client().executions.start("t1");
    expect([run.id, run.status, run.rawStatus, run.canCancel]).toEqual(["task_1", "queued", "PENDING", true]);
    const seen: string[] = [];
    const done = await run.waitForCompletion({ onProgress: (s) => seen.push(`${s.status}/${s.rawStatus}`) });
    expect(seen).toEqual(["running/PROCESSING", "succeeded/COMPLETED"]);
    expect(done.value.outputs).toEqual([1]);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.headers["x-namespace"]}`)).toEqual([
      "POST /v1/triggers/t1/execute ns_prod", "GET /v1/tasks/task_1 ns_prod", "GET /v1/tasks/task_1 ns_prod"]);
  });

  it("a failed task ends the wait with its error; a tracked task is unknown until read and carries the per-call namespace", async () => {
    server.reply(json(200, task("FAILED", { error: "no documents" })));
    const run = client().executions.track("task_1", { namespace: "ns_staging" });
    expect([run.status, run.rawStatus, run.value]).toEqual(["unknown", undefined, undefined]);
    const error = (await run.waitForCompletion().catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error.message).toContain("no documents");
    expect(server.requests[0]!.headers["x-namespace"]).toBe("ns_staging");
  });

  it("cancel() kills the task with DELETE /v1/tasks/{task_id} (retried like a read), then reads it once", async () => {
    server.reply(json(502, "bad"), json(200, { success: true }), json(200, task("CANCELED")));
    const run = client().executions.track("task_1");
    await run.cancel();
    expect(run.status).toBe("cancelled");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["DELETE /v1/tasks/task_1", "DELETE /v1/tasks/task_1", "GET /v1/tasks/task_1"]);
  });

  it("get and cancel by id check the id and namespace before sending", async () => {
    server.reply(raw(204, ""), json(200, task("IN_PROGRESS")));
    const executions = client().executions;
    await executions.cancel("task_1");
    expect((await executions.get("task_1")).status).toBe("IN_PROGRESS");
    await expect(executions.get("..")).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(executions.cancel("task_1", { namespace: "a b" })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(() => executions.track(" ")).toThrow(InvalidArgumentError);
    expect(server.requests).toHaveLength(2);
  });
});
