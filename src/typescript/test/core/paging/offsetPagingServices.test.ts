import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MixpeekClient, PagingError } from "../../../src/index.js";
import { KEY, tfyRun, truefoundry } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";
import { VirtualClock } from "../../support/virtualClock.js";

// The offset lists on the wire (.NET: TrueFoundry/JobRunPagingTests, Mixpeek/TriggerPagingTests): each service's
// default page size, the C# token format and a list without a total, through the clients that use offsetPageable.
const runs = (from: number, count: number) => Array.from({ length: count }, (_, i) => tfyRun(`r${from + i}`));
const execution = (i: number) => ({ task_id: `task_${i}`, triggered_at: "2026-11-20T02:00:00Z", status: "COMPLETED" });
const trigger = (i: number) => ({
  trigger_id: `trg_${i}`, namespace_id: "ns_1", action_type: "cluster", action_config: { cluster_id: "c1" }, trigger_type: "cron",
  schedule_config: { cron_expression: "0 2 * * *" }, status: "active", created_at: "2026-11-30T10:00:00", updated_at: "2026-11-30T10:00:00",
});

describe("offset lists on the wire", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());
  const mixpeek = () => new MixpeekClient({ baseUrl: server.url, apiKey: KEY, namespace: "ns_1", clock: new VirtualClock() });

  it("TrueFoundry without a pagination block reads the whole list: full pages continue, a short one ends", async () => {
    server.reply(json(200, { data: runs(1, 2) }), json(200, { data: runs(3, 2) }), json(200, { data: runs(5, 1) }));
    const { client } = truefoundry(server.url);
    const names = (await client.jobRuns.list("app-1", { pageSize: 2 }).toArray()).map((r) => r.name);
    expect(names).toEqual(["r1", "r2", "r3", "r4", "r5"]);
    expect(server.requests.map((r) => r.url)).toEqual([0, 2, 4].map((o) => `/api/svc/v1/jobs/app-1/runs?limit=2&offset=${o}`));
  });

  it("TrueFoundry without a pagination block and no page size pages by its default of 10", async () => {
    server.reply(json(200, { data: runs(0, 10) }), json(200, { data: runs(10, 0) }));
    const { client } = truefoundry(server.url);
    const pages = [];
    for await (const page of client.jobRuns.list("app-1").byPage()) pages.push(page);
    expect(server.requests.map((r) => [r.query.get("offset"), r.query.get("limit")])).toEqual([["0", null], ["10", null]]);
    expect(pages.map((p) => [p.items.length, p.continuationToken, p.previousToken])).toEqual([[10, "10", undefined], [0, undefined, "0"]]);
  });

  it("TrueFoundry: a pagination block without a limit steps back by the default of 10 when no page size was sent", async () => {
    server.reply(json(200, { data: runs(30, 10), pagination: { total: 100 } }));
    const { client } = truefoundry(server.url);
    const page = (await client.jobRuns.list("app-1", { startOffset: 30 }).byPage().next()).value!;
    expect(page.previousToken).toBe("20");
  });

  it("TrueFoundry: the limit the service reports wins over the page size asked (capped 100 to 25)", async () => {
    server.reply(json(200, { data: runs(50, 25), pagination: { total: 200, offset: 50, limit: 25 } }));
    const { client } = truefoundry(server.url);
    const page = (await client.jobRuns.list("app-1", { startOffset: 50, pageSize: 100 }).byPage().next()).value!;
    expect([page.continuationToken, page.previousToken]).toEqual(["75", "25"]);
  });

  it("TrueFoundry resumes from a C# 'offset:limit' token: that page with its limit, then the list's page size", async () => {
    server.reply(json(200, { data: runs(0, 3), pagination: { total: 5, offset: 0, limit: 3 } }), json(200, { data: runs(3, 2), pagination: { total: 5, offset: 3, limit: 4 } }));
    const { client } = truefoundry(server.url);
    const pages = [];
    for await (const page of client.jobRuns.list("app-1", { pageSize: 4 }).byPage({ continuationToken: "0:3" })) pages.push(page);
    expect(server.requests.map((r) => [r.query.get("offset"), r.query.get("limit")])).toEqual([["0", "3"], ["3", "4"]]);
    expect(pages.map((p) => [p.continuationToken, p.previousToken])).toEqual([["3", undefined], [undefined, "0:3"]]);
  });

  it("TrueFoundry started inside the first page issues the exact previous page '0:5' (C#'s token)", async () => {
    server.reply(json(200, { data: runs(5, 10), pagination: { total: 30, offset: 5, limit: 10 } }));
    const { client } = truefoundry(server.url);
    const page = (await client.jobRuns.list("app-1", { startOffset: 5, pageSize: 10 }).byPage().next()).value!;
    expect(page.previousToken).toBe("0:5");
  });

  it("TrueFoundry ignoring the offset (every page the same, reported at 0) stops with a PagingError, no repeats", async () => {
    server.reply(...[0, 1, 2].map(() => json(200, { data: runs(0, 2), pagination: { offset: 0, limit: 2 } })));
    const { client } = truefoundry(server.url);
    const names: string[] = [];
    const error = await (async () => { for await (const run of client.jobRuns.list("app-1", { pageSize: 2 })) names.push(run.name); })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagingError);
    expect((error as PagingError).service).toBe("TrueFoundry");
    expect((error as PagingError).operationId).toBe("listJobRuns");
    expect(names).toEqual(["r0", "r1"]);
    expect(server.requests).toHaveLength(2);
  });

  it("Mixpeek triggers with no page size and no reported limit step back by the default of 50", async () => {
    server.reply(json(200, { results: [trigger(60)], total: 200 }));
    const page = (await mixpeek().triggers.list({ startOffset: 60 }).byPage().next()).value!;
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({ offset: 60 });
    expect(JSON.parse(server.requests[0]!.body).limit).toBeUndefined();
    expect(page.previousToken).toBe("10");
  });

  it("Mixpeek history with no page size and no reported limit: previous steps by 50, a start within it is exact", async () => {
    server.reply(json(200, { trigger_id: "t1", executions: [execution(1)], total: 200 }), json(200, { trigger_id: "t1", executions: [execution(1)], total: 200 }));
    const executions = mixpeek().executions;
    expect((await executions.list("t1", { startOffset: 80 }).byPage().next()).value!.previousToken).toBe("30");
    expect((await executions.list("t1", { startOffset: 20 }).byPage().next()).value!.previousToken).toBe("0:20");
  });

  it("Mixpeek history without a total continues while a page is as full as the reported limit", async () => {
    server.reply(
      json(200, { trigger_id: "t1", executions: [execution(1), execution(2)], offset: 0, limit: 2 }),
      json(200, { trigger_id: "t1", executions: [execution(3)], offset: 2, limit: 2 }),
    );
    const ids = (await mixpeek().executions.list("t1", { pageSize: 2 }).toArray()).map((e) => e.task_id);
    expect(ids).toEqual(["task_1", "task_2", "task_3"]);
    expect(server.requests.map((r) => r.url)).toEqual(["/v1/triggers/t1/history?offset=0&limit=2", "/v1/triggers/t1/history?offset=2&limit=2"]);
  });
});
