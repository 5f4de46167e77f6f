import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InternalServerError, PagingError, ResponseTooLargeError, ResponseDeserializationError } from "../../src/index.js";
import { page } from "../support/agentsetJson.js";
import { agentset, tfyRun, truefoundry } from "../support/clients.js";
import { huge, json, raw, reset, resetMidBody, ScriptedServer, stallBody } from "../support/scriptedServer.js";
import { serverSaw, timedClock } from "../support/timedFaults.js";

describe("list fault matrix (ListFaultMatrixTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("transient faults on every page are retried and the list completes", async () => {
    server.reply(
      json(503, "busy"), json(200, page(["job_1", "job_2"], "c2")),
      reset, json(200, page(["job_3"], "c3")),
      resetMidBody(), json(429, "slow", { "retry-after": "1" }), json(200, page(["job_4"], null)),
    );
    const { client } = agentset(server.url);
    const ids: string[] = [];
    for await (const job of client.ingestJobs.list()) ids.push(job.id);
    expect(ids).toEqual(["job_1", "job_2", "job_3", "job_4"]);
    expect(server.requests).toHaveLength(7);
    expect(server.requests.map((r) => r.query.get("cursor"))).toEqual([null, null, "c2", "c2", "c3", "c3", "c3"]);
  });

  it("a stalled page is retried after the attempt timeout", async () => {
    server.reply(stallBody(), json(200, page(["job_1"], null)));
    const clock = timedClock();
    const { client } = agentset(server.url, { clock, retry: { attemptTimeout: 150 } });
    const listed = client.ingestJobs.list().toArray();
    await serverSaw(server, 1);
    clock.advance(150);
    expect((await listed).map((j) => j.id)).toEqual(["job_1"]);
    expect(server.requests).toHaveLength(2);
  });

  it("a 500, a truncated page and a huge page are each thrown after one request", async () => {
    const { client } = agentset(server.url, { maxResponseBytes: 128 * 1024 });
    server.reply(json(500, "boom"));
    await expect(client.ingestJobs.list().toArray()).rejects.toBeInstanceOf(InternalServerError);
    server.reply(raw(200, '{"success":true,"data":[{"id":"job_1"', { "content-type": "application/json" }));
    await expect(client.ingestJobs.list().toArray()).rejects.toBeInstanceOf(ResponseDeserializationError);
    server.reply(huge(1024 * 1024));
    await expect(client.ingestJobs.list().toArray()).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(server.requests).toHaveLength(3);
  });

  it("a service that repeats a cursor is stopped with a paging error", async () => {
    server.reply(json(200, page(["job_1"], "c1")), json(200, page(["job_2"], "c2")), json(200, page(["job_3"], "c1")));
    const { client } = agentset(server.url);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const job of client.ingestJobs.list()) seen.push(job.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagingError);
    expect((error as Error).message).toContain("'c1' a second time");
    expect(seen).toEqual(["job_1", "job_2", "job_3"]);
    expect(server.requests).toHaveLength(3);
  });

  it("a page with hasMore but no cursor is a paging error, not an endless loop", async () => {
    server.otherwise(json(200, page(["job_1"], null, null, true)));
    const { client } = agentset(server.url);
    await expect(client.ingestJobs.list().toArray()).rejects.toBeInstanceOf(PagingError);
    expect(server.requests).toHaveLength(1);
  });

  it("an offset list whose total lies stops at the first empty page", async () => {
    server.reply(
      json(200, { data: [tfyRun("r1"), tfyRun("r2")], pagination: { total: 1000, offset: 0, limit: 2 } }),
      json(200, { data: [], pagination: { total: 1000, offset: 2, limit: 2 } }),
    );
    const { client } = truefoundry(server.url);
    expect((await client.jobRuns.list("app-1", { pageSize: 2 }).toArray()).map((r) => r.name)).toEqual(["r1", "r2"]);
    expect(server.requests).toHaveLength(2);
  });
});
