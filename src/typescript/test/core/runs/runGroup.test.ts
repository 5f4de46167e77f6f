import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AgentsetClient, InvalidArgumentError, NotFoundError, RunCancelledError, RunFailedError, RunGroup, RunWaitTimeoutError, ShipyardClient, type RunGroupProgress } from "../../../src/index.js";
import { job, jobBody } from "../../support/agentsetJson.js";
import { agentset, KEY, tfyRun, truefoundry } from "../../support/clients.js";
import { json, raw, type Reply, ScriptedServer } from "../../support/scriptedServer.js";
import { VirtualClock } from "../../support/virtualClock.js";

const CREATED = Date.parse("2026-11-30T10:00:00.000Z");

/** An Agentset namespace whose jobs end at given virtual times: the list (newest first, cursor = offset) and get answer the status now. */
function namespace(clock: VirtualClock, ends: Map<string, number>, failing = new Set<string>()): Reply {
  const ids = [...ends.keys()].reverse(); // newest first: the last created comes first
  const status = (id: string) => (clock.monotonic() >= ends.get(id)! ? (failing.has(id) ? "FAILED" : "COMPLETED") : "PROCESSING");
  const body = (id: string, i: number) => job(id, status(id), { createdAt: new Date(CREATED + ids.length - i).toISOString() });
  return (req, res) => {
    const url = new URL(req.url!, "http://x");
    const single = /ingest-jobs\/(job_\w+)$/.exec(url.pathname);
    let answer: unknown;
    if (single) answer = { success: true, data: body(single[1]!, ids.indexOf(single[1]!)) };
    else {
      const from = Number(url.searchParams.get("cursor") ?? "0");
      const size = Number(url.searchParams.get("perPage") ?? "30");
      const next = from + size < ids.length ? String(from + size) : null;
      answer = { success: true, data: ids.slice(from, from + size).map((id) => body(id, ids.indexOf(id))), pagination: { nextCursor: next, prevCursor: null, hasMore: next !== null } };
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  };
}

describe("RunGroup (RunGroupTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("follows 250 Agentset jobs with list reads only (3 pages a cycle), each noticed within 10% of its length", async () => {
    const { client, clock } = agentset(server.url);
    const ends = new Map<string, number>(Array.from({ length: 250 }, (_, i) => [`job_${String(i).padStart(3, "0")}`, 2_000 + i * 997]));
    server.otherwise(namespace(clock, ends));
    const runs = [...ends.keys()].map((id, i) => client.ingestJobs.track(job(id, "QUEUED", { createdAt: new Date(CREATED + 250 - (249 - i)).toISOString() }) as never));
    const group = new RunGroup(runs);
    const results = await group.waitForAll();
    expect(results.map((r) => r.run)).toEqual(runs);
    expect(results.every((r) => r.succeeded)).toBe(true);
    const started = clock.now() - clock.monotonic();
    for (const result of results) {
      const end = ends.get(result.run.id)!;
      expect(result.noticedAt - started - end).toBeLessThanOrEqual(Math.max(1_000, 0.1 * end) + 1);
    }
    expect(server.requests.every((r) => r.path === "/v1/namespace/ns_1/ingest-jobs")).toBe(true);
    expect(server.requests[0]!.query.get("order")).toBe("desc");
    expect(server.requests[0]!.query.get("perPage")).toBe("100");
    const cycles = clock.sleeps.length + 1;
    expect(server.requests.length).toBeLessThanOrEqual(3 * cycles);
    expect(group.progress.statusReads).toBe(server.requests.length);
    // A wait per run would have read each job about 20-60 times; the group reads a page per 100 due jobs.
    expect(server.requests.length).toBeLessThan(250);
  });

  it("reads a job the list did not show on its own, in the same cycle", async () => {
    server.reply(
      json(200, { success: true, data: [job("job_a", "PROCESSING")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }),
      json(200, jobBody("job_b", "COMPLETED")),
      json(200, { success: true, data: [job("job_a", "COMPLETED")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }),
    );
    const { client } = agentset(server.url);
    const ended: string[] = [];
    for await (const result of new RunGroup([client.ingestJobs.track("job_a"), client.ingestJobs.track("job_b")]).whenEach()) ended.push(result.run.id);
    expect(ended).toEqual(["job_b", "job_a"]);
    expect(server.requests.map((r) => r.path)).toEqual(["/v1/namespace/ns_1/ingest-jobs", "/v1/namespace/ns_1/ingest-jobs/job_b", "/v1/namespace/ns_1/ingest-jobs"]);
  });

  it("ends failed and cancelled runs with the error a single wait throws, and a run whose read fails as abandoned", async () => {
    server.reply(
      json(200, { success: true, data: [job("job_a", "FAILED"), job("job_b", "CANCELLED")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }),
      json(404, { success: false, error: { code: "not_found", message: "gone" } }),
    );
    const { client } = agentset(server.url);
    const group = new RunGroup(["job_a", "job_b", "job_c"].map((id) => client.ingestJobs.track(id)));
    const [a, b, c] = await group.waitForAll();
    expect(a!.error).toBeInstanceOf(RunFailedError);
    expect(() => a!.getRunOrThrow()).toThrow(RunFailedError);
    expect(b!.error).toBeInstanceOf(RunCancelledError);
    expect(c!.error).toBeInstanceOf(NotFoundError);
    expect(group.progress).toMatchObject({ succeeded: 0, failed: 1, cancelled: 1, abandoned: 1, pending: 0, total: 3, ended: 3, statusReads: 2 });
  });

  it("tells onProgress each change: counts per status and the oldest run still followed", async () => {
    server.reply(
      json(200, { success: true, data: [job("job_a", "PROCESSING"), job("job_b", "COMPLETED")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }),
      json(200, { success: true, data: [job("job_a", "PROCESSING")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }),
      json(200, { success: true, data: [job("job_a", "COMPLETED")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }),
    );
    const { client } = agentset(server.url);
    const a = client.ingestJobs.track(job("job_a") as never);
    const b = client.ingestJobs.track(job("job_b") as never);
    const seen: RunGroupProgress[] = [];
    await new RunGroup([a, b]).waitForAll({ onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.queued, p.running, p.succeeded, p.oldestRunning?.id])).toEqual([
      [2, 0, 0, "job_a"],
      [0, 1, 1, "job_a"],
      [0, 0, 2, undefined],
    ]);
    expect(seen[1]!.oldestRunningFor).toBe(1_000);
  });

  it("reads a Shipyard fleet's CSV once a cycle for all its runs; a run not listed yet is not read on its own", async () => {
    const csv = (rows: string) => raw(200, `Fleet Name,Fleet Log ID,Status\r\n${rows}`, { "content-type": "text/csv" });
    server.reply(csv("N,run-1,Running\r\nN,RUN-2,Success\r\n"), csv("N,run-1,Errored\r\nN,run-3,Running\r\n"), csv("N,run-3,Success\r\n"));
    const clock = new VirtualClock();
    const client = new ShipyardClient({ baseUrl: server.url, apiKey: KEY, clock });
    const group = new RunGroup(["run-1", "run-2", "run-3"].map((id) => client.fleetRuns.track("o1", "p1", "f1", id)));
    const results = await group.waitForAll();
    expect(results.map((r) => r.status)).toEqual(["failed", "succeeded", "succeeded"]);
    expect(server.requests).toHaveLength(3);
  });

  it("reads runs of different services and scopes by one list each", async () => {
    const { client, clock } = agentset(server.url);
    const tfy = truefoundry(server.url, { clock: clock as never }).client;
    server.otherwise((req, res) => {
      const body = req.url!.startsWith("/api/svc")
        ? { data: [tfyRun("etl-1", "FINISHED")], pagination: { total: 1, offset: 0, limit: 100 } }
        : { success: true, data: [job("job_a", "COMPLETED"), job("job_b", "COMPLETED")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
    const group = new RunGroup([client.ingestJobs.track("job_a"), tfy.jobRuns.track("app-1", "etl-1"), client.ingestJobs.track("job_b", { tenantId: "t2" })]);
    const results = await group.waitForAll({});
    expect(results.map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(server.requests.map((r) => [r.path, r.headers["x-tenant-id"] ?? null])).toEqual([
      ["/v1/namespace/ns_1/ingest-jobs", null],
      ["/api/svc/v1/jobs/app-1/runs", null],
      ["/v1/namespace/ns_1/ingest-jobs", "t2"],
    ]);
  });

  it("cancelAll asks only where the service can stop a run: a terminate and a status read per TrueFoundry run", async () => {
    server.reply(json(200, { message: "ok", jobRunStatus: "TERMINATION_REQUESTED" }), json(200, { data: tfyRun("etl-1", "TERMINATING") }));
    const { client, clock } = truefoundry(server.url);
    const ag = agentset(server.url, { clock: clock as never }).client;
    const run = client.jobRuns.track("app-1", "etl-1");
    Object.assign(run.value, { deploymentId: "dep-1" });
    const group = new RunGroup([run, ag.ingestJobs.track("job_a")]);
    expect(await group.cancelAll()).toBe(1);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/svc/v1/jobs/terminate", "GET /api/svc/v1/jobs/app-1/runs/etl-1"]);
    expect(run.status).toBe("cancelled");
  });

  it("a run already completed ends first without a read; a duplicate is refused; one wait at a time", async () => {
    const { client } = agentset(server.url);
    const done = client.ingestJobs.track(job("job_a", "COMPLETED") as never);
    const group = new RunGroup([done]);
    expect(() => group.add(done)).toThrow(InvalidArgumentError);
    const iterator = group.whenEach()[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({ succeeded: true });
    await expect(group.waitForAll()).rejects.toThrow(/already being waited on/);
    expect((await iterator.next()).done).toBe(true);
    expect(server.requests).toHaveLength(0);
    expect(group.count).toBe(1);
  });

  it("an aborted wait stops with the signal's reason; the next wait goes on from the results seen", async () => {
    server.reply(
      json(200, { success: true, data: [job("job_a", "COMPLETED"), job("job_b", "PROCESSING")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }),
      json(200, { success: true, data: [job("job_b", "COMPLETED")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }),
    );
    const { client } = agentset(server.url);
    const group = new RunGroup([client.ingestJobs.track("job_a"), client.ingestJobs.track("job_b")]);
    const controller = new AbortController();
    const reason = new Error("stop");
    const seen: string[] = [];
    await expect((async () => {
      for await (const result of group.whenEach({ signal: controller.signal })) {
        seen.push(result.run.id);
        controller.abort(reason);
      }
    })()).rejects.toBe(reason);
    expect(seen).toEqual(["job_a"]);
    const results = await group.waitForAll();
    expect(results.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    expect(server.requests).toHaveLength(2);
  });

  it("a throttled list waits its Retry-After; the timeout abandons a run with RunWaitTimeoutError", async () => {
    server.reply(json(429, { success: false, error: { code: "rate_limited", message: "slow" } }, { "retry-after": "7" }));
    server.otherwise(json(200, { success: true, data: [job("job_a", "PROCESSING")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }));
    const { client, clock } = agentset(server.url, { retry: { maxAttempts: 1 } });
    const [result] = await new RunGroup([client.ingestJobs.track("job_a")], { pollInterval: 1_000, timeout: 20_000 }).waitForAll();
    expect(clock.sleeps[0]).toBe(1_000);
    expect(clock.sleeps[1]).toBe(7_000);
    expect(result!.error).toBeInstanceOf(RunWaitTimeoutError);
    expect(result!.status).toBe("running");
  });

  it("a timeout shorter than the poll interval: the first cycle comes at the deadline and decides each run", async () => {
    const { client, clock } = agentset(server.url);
    server.otherwise(namespace(clock, new Map([["job_a", 1_500], ["job_b", Number.POSITIVE_INFINITY]])));
    const group = new RunGroup([client.ingestJobs.track("job_a"), client.ingestJobs.track("job_b")], { pollInterval: 30_000, timeout: 2_000 });
    const [a, b] = await group.waitForAll();
    // One list read, at 2 s (not 30 s): job_a ended at 1.5 s and is returned; job_b is given up after that read.
    expect(clock.sleeps).toEqual([2_000]);
    expect(server.requests).toHaveLength(1);
    expect(a!.status).toBe("succeeded");
    expect(a!.error).toBeUndefined();
    expect(b!.error).toBeInstanceOf(RunWaitTimeoutError);
    const timedOut = b!.error as RunWaitTimeoutError;
    expect(timedOut.polls).toBe(1);
    expect(timedOut.timeout).toBe(2_000);
    expect(group.progress.abandoned).toBe(1);
    expect(group.progress.statusReads).toBe(1);
  });

  it("a timeout at an exact poll time: the cycle at it is the last, and a run it shows ended is returned", async () => {
    const { client, clock } = agentset(server.url);
    server.otherwise(namespace(clock, new Map([["job_a", 2_500], ["job_b", Number.POSITIVE_INFINITY]])));
    const [a, b] = await new RunGroup([client.ingestJobs.track("job_a"), client.ingestJobs.track("job_b")], { pollInterval: 1_000, timeout: 3_000 }).waitForAll();
    expect(clock.sleeps).toEqual([1_000, 1_000, 1_000]);
    expect(server.requests).toHaveLength(3);
    expect(a!.status).toBe("succeeded");
    expect((b!.error as RunWaitTimeoutError).polls).toBe(3);
  });

  it("a Retry-After longer than the time left is cut to it: the list is read once more at the deadline", async () => {
    server.reply(json(429, { success: false, error: { code: "rate_limited", message: "slow" } }, { "retry-after": "600" }));
    server.otherwise(json(200, { success: true, data: [job("job_a", "COMPLETED")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }));
    const { client, clock } = agentset(server.url, { retry: { maxAttempts: 1 } });
    const [result] = await new RunGroup([client.ingestJobs.track("job_a")], { pollInterval: 1_000, timeout: 20_000 }).waitForAll();
    expect(clock.sleeps).toEqual([1_000, 19_000]);
    expect(server.requests).toHaveLength(2);
    expect(result!.status).toBe("succeeded");
  });

  it("a run added while the group sleeps ends its sleep: it joins at once (real clock)", async () => {
    server.otherwise(json(200, { success: true, data: [job("job_a", "PROCESSING")], pagination: { nextCursor: null, prevCursor: null, hasMore: false } }));
    const client = new AgentsetClient({ baseUrl: server.url, apiKey: KEY, namespaceId: "ns_1" });
    const group = new RunGroup([client.ingestJobs.track("job_a")], { pollInterval: 60_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => group.add(client.ingestJobs.track(job("job_b", "COMPLETED") as never)), 50);
    const ended: string[] = [];
    await expect((async () => {
      for await (const result of group.whenEach({ signal: controller.signal })) {
        ended.push(result.run.id);
        controller.abort(new Error("enough"));
      }
    })()).rejects.toThrow("enough");
    expect(ended).toEqual(["job_b"]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(0);
  });
});
