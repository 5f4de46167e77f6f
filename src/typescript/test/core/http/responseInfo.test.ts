import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResponseDeserializationError, ResponseInfo, TransportError } from "../../../src/index.js";
import { jobBody, page } from "../../support/agentsetJson.js";
import { agentset, KEY } from "../../support/clients.js";
import { json, raw, ScriptedServer } from "../../support/scriptedServer.js";

describe("RequestOptions.onResponse and ResponseInfo (C#: RequestOptions.OnResponse, ResponseInfo)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("tells the status, headers, request id and rate-limit headers of a successful answer, secrets masked", async () => {
    const reset = Date.UTC(2026, 10, 30, 10, 1, 0);
    server.reply(
      json(200, jobBody("job_1"), {
        "x-request-id": "req_42",
        "X-RateLimit-Limit": "60",
        "X-RateLimit-Remaining": " 59 ",
        "X-RateLimit-Reset": String(reset),
        "x-echo": `Bearer ${KEY}`,
      }),
    );
    const { client } = agentset(server.url);
    const seen: ResponseInfo[] = [];
    await client.ingestJobs.get("job_1", { onResponse: (r) => seen.push(r) });
    expect(seen).toHaveLength(1);
    const info = seen[0]!;
    expect([info.service, info.operationId, info.status, info.requestId]).toEqual(["Agentset", "getIngestJob", 200, "req_42"]);
    expect([info.rateLimitLimit, info.rateLimitRemaining, info.rateLimitReset?.getTime()]).toEqual([60, 59, reset]);
    expect(info.header("X-REQUEST-ID")).toBe("req_42");
    expect(info.header("content-type")).toMatch(/application\/json/);
    expect(info.header("x-echo")).not.toContain(KEY);
    expect(String(info)).toBe("Agentset getIngestJob: HTTP 200");
  });

  it("only 2xx answers: a retried 503 is not reported, the success after it is", async () => {
    server.reply(json(503, {}), json(200, jobBody("job_1")));
    const { client } = agentset(server.url);
    const statuses: number[] = [];
    await client.ingestJobs.get("job_1", { onResponse: (r) => statuses.push(r.status) });
    expect(statuses).toEqual([200]);
    expect(server.requests).toHaveLength(2);
  });

  it("every page of a list and every status read of a run started with the options", async () => {
    server.reply(json(200, page(["job_1"], "c2")), json(200, page(["job_2"], null)));
    const { client } = agentset(server.url);
    const ops: string[] = [];
    const onResponse = (r: ResponseInfo) => ops.push(r.operationId);
    expect((await client.ingestJobs.list({}, { onResponse }).toArray()).map((j) => j.id)).toEqual(["job_1", "job_2"]);
    expect(ops).toEqual(["listIngestJobs", "listIngestJobs"]);

    ops.length = 0;
    server.reply(json(201, jobBody("job_9")), json(200, jobBody("job_9", "PROCESSING")), json(200, jobBody("job_9", "COMPLETED")));
    const run = await client.ingestJobs.start({ payload: { type: "TEXT", text: "hi" } }, { onResponse });
    await run.waitForCompletion({ pollInterval: 1 });
    expect(ops).toEqual(["createIngestJob", "getIngestJob", "getIngestJob"]);
  });

  it("is told before the body is read: an unreadable 2xx body is still reported", async () => {
    server.reply(raw(200, "<html>oops</html>", { "content-type": "text/html", "x-request-id": "req_7" }));
    const { client } = agentset(server.url);
    const ids: (string | undefined)[] = [];
    await expect(client.ingestJobs.get("job_1", { onResponse: (r) => ids.push(r.requestId) })).rejects.toBeInstanceOf(ResponseDeserializationError);
    expect(ids).toEqual(["req_7"]);
  });

  it("a callback that throws ends the call with its own error, not wrapped and not retried, even on a read", async () => {
    server.otherwise(json(200, jobBody("job_1")));
    const { client } = agentset(server.url);
    const mine = new SyntaxError("my callback broke");
    const error = await client.ingestJobs.get("job_1", { onResponse: () => { throw mine; } }).catch((e: unknown) => e);
    expect(error).toBe(mine);
    expect(error).not.toBeInstanceOf(TransportError);
    expect(server.requests).toHaveLength(1);
    // The client is fine afterwards (the discarded body freed its connection).
    expect((await client.ingestJobs.get("job_1")).id).toBe("job_1");
  });

  it("users' own tests can build one; a reset in seconds, a delay, or no headers read as documented", () => {
    expect(new ResponseInfo("Agentset", "getIngestJob", 200, { "x-ratelimit-reset": "1767225600" }).rateLimitReset?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(new ResponseInfo("Agentset", "getIngestJob", 200, { "x-ratelimit-reset": "60" }).rateLimitReset).toBeUndefined();
    const bare = new ResponseInfo("Mixpeek", "getTask", 204, {});
    expect([bare.requestId, bare.rateLimitLimit, bare.rateLimitRemaining, bare.rateLimitReset, bare.header("x")]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(new ResponseInfo("Shipyard", "listFleetRuns", 200, { "x-correlation-id": "c1", "x-ratelimit-limit": "many" })).toMatchObject({ requestId: "c1", rateLimitLimit: undefined });
  });
});
