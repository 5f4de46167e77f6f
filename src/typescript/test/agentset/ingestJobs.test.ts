import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jobBody, page } from "../support/agentsetJson.js";
import { agentset } from "../support/clients.js";
import { json, ScriptedServer } from "../support/scriptedServer.js";

describe("Agentset ingest jobs (IngestJobsClientTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("enumerating follows next cursors across three pages with the filters on every request", async () => {
    server.reply(json(200, page(["job_1", "job_2"], "c2")), json(200, page(["job_3", "job_4"], "c3", "c2")), json(200, page(["job_5"], null, "c3")));
    const { client } = agentset(server.url, { tenantId: "acme" });
    const ids: string[] = [];
    for await (const job of client.ingestJobs.list({ statuses: ["FAILED", "COMPLETED"], order: "asc", pageSize: 2 })) ids.push(job.id);
    expect(ids).toEqual(["job_1", "job_2", "job_3", "job_4", "job_5"]);
    expect(server.requests).toHaveLength(3);
    for (const r of server.requests) {
      expect(r.path).toBe("/v1/namespace/ns_1/ingest-jobs");
      expect(r.query.get("statuses")).toBe("FAILED,COMPLETED");
      expect(r.query.get("order")).toBe("asc");
      expect(r.query.get("perPage")).toBe("2");
      expect(r.headers["x-tenant-id"]).toBe("acme");
    }
    expect(server.requests.map((r) => r.query.get("cursor"))).toEqual([null, "c2", "c3"]);
  });

  it("pages expose resumable tokens: byPage resumes from a saved cursor with another page size", async () => {
    server.reply(json(200, page(["job_1"], "c2")));
    const { client } = agentset(server.url);
    const pages = client.ingestJobs.list().byPage({ pageSize: 1 });
    const first = (await pages.next()).value!;
    expect(first).toMatchObject({ continuationToken: "c2", previousToken: undefined, hasMore: true });
    await pages.return();
    server.reply(json(200, page(["job_2", "job_3"], null, "c2")));
    const resumed = [];
    for await (const p of client.ingestJobs.list().byPage({ continuationToken: first.continuationToken, pageSize: 50 })) resumed.push(p);
    expect(resumed.map((p) => p.items.map((j) => j.id))).toEqual([["job_2", "job_3"]]);
    expect(server.requests[1]!.query.get("cursor")).toBe("c2");
    expect(server.requests[1]!.query.get("perPage")).toBe("50");
    expect(server.requests[1]!.query.get("cursorDirection")).toBeNull();
  });

  it("paging backward from a saved cursor follows prev cursors", async () => {
    server.reply(json(200, page(["job_5"], "n1", "p1")), json(200, page(["job_4"], "n2", null, false)));
    const { client } = agentset(server.url);
    const ids = (await client.ingestJobs.list({ direction: "backward", startCursor: "saved" }).toArray()).map((j) => j.id);
    expect(ids).toEqual(["job_5", "job_4"]);
    expect(server.requests.map((r) => [r.query.get("cursor"), r.query.get("cursorDirection")])).toEqual([["saved", "backward"], ["p1", "backward"]]);
  });

  it("an abort mid-stream stops before the next page", async () => {
    server.reply(json(200, page(["job_1", "job_2"], "c2")));
    const { client } = agentset(server.url);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const job of client.ingestJobs.list({}, { signal: controller.signal })) {
        seen.push(job.id);
        controller.abort();
      }
    })().catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(seen).toEqual(["job_1", "job_2"]);
    expect(server.requests).toHaveLength(1);
  });

  it("create posts the job as camelCase JSON; delete accepts 200 with the job and 204; reIngest returns the id", async () => {
    server.reply(json(201, jobBody("job_7")), json(200, jobBody("job_7", "QUEUED_FOR_DELETE")), json(204), json(200, { success: true, data: { id: "job_7" } }));
    const { client } = agentset(server.url);
    const created = await client.ingestJobs.create({ payload: { type: "TEXT", text: "hi", fileName: "a.txt" }, externalId: "doc-42", config: { chunkSize: 512, metadata: { team: "docs", tags: ["a"] } } });
    expect(created.id).toBe("job_7");
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ payload: { type: "TEXT", text: "hi", fileName: "a.txt" }, externalId: "doc-42", config: { chunkSize: 512, metadata: { team: "docs", tags: ["a"] } } });
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
    expect((await client.ingestJobs.delete("job_7"))?.status).toBe("QUEUED_FOR_DELETE");
    expect(await client.ingestJobs.delete("job_7")).toBeUndefined();
    expect(await client.ingestJobs.reIngest("job_7")).toBe("job_7");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/namespace/ns_1/ingest-jobs",
      "DELETE /v1/namespace/ns_1/ingest-jobs/job_7",
      "DELETE /v1/namespace/ns_1/ingest-jobs/job_7",
      "POST /v1/namespace/ns_1/ingest-jobs/job_7/re-ingest",
    ]);
  });

  it("nested metadata is refused before sending", async () => {
    const { client } = agentset(server.url);
    await expect(client.ingestJobs.create({ payload: { type: "TEXT", text: "x" }, config: { metadata: { deep: { no: 1 } } } })).rejects.toThrow(/nested object/);
    expect(server.requests).toHaveLength(0);
  });

  it("a new status in a page reads as is, its common status is unknown, and the rest of the page is kept (UnknownValueTests)", async () => {
    const body = page(["job_1", "job_2"], null);
    (body.data[0] as Record<string, unknown>).status = "ARCHIVED_IN_2027";
    server.reply(json(200, body));
    const { client } = agentset(server.url);
    const jobs = await client.ingestJobs.list().toArray();
    expect(jobs.map((j) => j.status)).toEqual(["ARCHIVED_IN_2027", "QUEUED"]);
    expect(client.ingestJobs.track(jobs[0]!).status).toBe("unknown");
  });

  it("naive timestamps read as UTC", async () => {
    server.reply(json(200, jobBody("job_1", "COMPLETED", { createdAt: "2026-11-30T10:00:00", completedAt: "2026-11-30T10:05:00.5" })));
    const { client } = agentset(server.url);
    const job = await client.ingestJobs.get("job_1");
    expect(new Date(job.createdAt).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(new Date(job.completedAt!).toISOString()).toBe("2026-11-30T10:05:00.500Z");
  });
});
