import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, RunFailedError, UnexpectedStatusError, UnsupportedOperationError } from "../../src/index.js";
import { tfyRun, truefoundry } from "../support/clients.js";
import { json, raw, ScriptedServer } from "../support/scriptedServer.js";

describe("TrueFoundry job runs (JobsClientTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("start posts camelCase JSON with command, params and alias and returns the run", async () => {
    server.reply(json(200, { message: "Job triggered", jobRunName: "etl-0001", data: tfyRun("etl-0001", "CREATED") }));
    const { client } = truefoundry(server.url);
    const run = await client.jobRuns.start({ applicationId: "app-1", input: { command: "python etl.py", params: { day: "1" } }, metadata: { job_run_name_alias: "nightly" } });
    expect(run.id).toBe("etl-0001");
    expect(run.status).toBe("queued");
    expect(run.rawStatus).toBe("CREATED");
    expect(run.message).toBe("Job triggered");
    const seen = server.requests[0]!;
    expect(`${seen.method} ${seen.path}`).toBe("POST /api/svc/v1/jobs/trigger");
    expect(JSON.parse(seen.body)).toEqual({ applicationId: "app-1", input: { command: "python etl.py", params: { day: "1" } }, metadata: { job_run_name_alias: "nightly" } });
  });

  it("exactly one of deploymentId and applicationId; command and Spark input not together", async () => {
    const { client } = truefoundry(server.url);
    await expect(client.jobRuns.start({})).rejects.toThrow(/exactly one/);
    await expect(client.jobRuns.start({ applicationId: "a", deploymentId: "d" })).rejects.toThrow(InvalidArgumentError);
    await expect(client.jobRuns.start({ applicationId: "a", input: { command: "x", mainClass: "M" } })).rejects.toThrow(/not both/);
    expect(server.requests).toHaveLength(0);
  });

  it("list pages by offset with filters as repeated keys across three pages; the token is the next offset", async () => {
    server.reply(
      json(200, { data: [tfyRun("r1"), tfyRun("r2")], pagination: { total: 5, offset: 0, limit: 2 } }),
      json(200, { data: [tfyRun("r3"), tfyRun("r4")], pagination: { total: 5, offset: 2, limit: 2 } }),
      json(200, { data: [tfyRun("r5")], pagination: { total: 5, offset: 4, limit: 2 } }),
    );
    const { client } = truefoundry(server.url);
    const pages = [];
    for await (const p of client.jobRuns.list("app-1", { statuses: ["FAILED", "FINISHED"], triggeredBy: ["alice", "bob"], sortBy: "startTime", order: "desc", pageSize: 2 }).byPage()) pages.push(p);
    expect(pages.map((p) => [p.items.map((r) => r.name), p.continuationToken, p.previousToken])).toEqual([
      [["r1", "r2"], "2", undefined],
      [["r3", "r4"], "4", "0"],
      [["r5"], undefined, "2"],
    ]);
    for (const r of server.requests) {
      expect(r.query.getAll("status")).toEqual(["FAILED", "FINISHED"]);
      expect(r.query.getAll("triggeredBy")).toEqual(["alice", "bob"]);
      expect(r.query.get("limit")).toBe("2");
    }
    expect(server.requests.map((r) => r.query.get("offset"))).toEqual(["0", "2", "4"]);
  });

  it("a page size out of range or a bad token is refused before any request", async () => {
    const { client } = truefoundry(server.url);
    expect(() => client.jobRuns.list("app-1", { pageSize: 1001 })).toThrow(/between 1 and 1000/);
    await expect(client.jobRuns.list("app-1").byPage({ continuationToken: "abc" }).next()).rejects.toThrow(/page token from a previous page/);
    expect(server.requests).toHaveLength(0);
  });

  it("versionNumbers travel as repeated keys, as C# sends them (openapi: style form, explode)", async () => {
    server.reply(json(200, { data: [tfyRun("r1")], pagination: { total: 1, offset: 0, limit: 10 } }));
    const { client } = truefoundry(server.url);
    expect((await client.jobRuns.list("app-1", { versionNumbers: [3, 4] }).toArray()).map((r) => r.name)).toEqual(["r1"]);
    expect(server.requests[0]!.query.getAll("versionNumbers")).toEqual(["3", "4"]);
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 31]])("versionNumbers entry %s is refused before any request, naming filter.versionNumbers", (version) => {
    const { client } = truefoundry(server.url);
    let error: unknown;
    try {
      client.jobRuns.list("app-1", { versionNumbers: [3, version] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe("filter.versionNumbers");
    expect(server.requests).toHaveLength(0);
  });

  it("cancel posts the deployment and run name as query and is retried because it is safe to repeat", async () => {
    server.reply(json(502, "bad gateway"), json(200, { message: "ok", jobRunStatus: "TERMINATION_REQUESTED" }));
    const { client } = truefoundry(server.url);
    await client.jobRuns.cancel("dep-1", "etl-0001");
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.url).toBe("/api/svc/v1/jobs/terminate?deploymentId=dep-1&jobRunName=etl-0001");
  });

  it("delete sends a DELETE to the run", async () => {
    server.reply(json(204));
    const { client } = truefoundry(server.url);
    await client.jobRuns.delete("app-1", "etl-0001");
    expect(`${server.requests[0]!.method} ${server.requests[0]!.path}`).toBe("DELETE /api/svc/v1/jobs/app-1/runs/etl-0001");
  });

  it("a started run is followed to the end, and a failure carries the run's error", async () => {
    server.reply(
      json(200, { jobRunName: "etl-0001", data: tfyRun("etl-0001", "CREATED") }),
      json(200, { data: tfyRun("etl-0001", "RUNNING") }),
      json(200, { data: tfyRun("etl-0001", "FAILED", { error: "exit code 2" }) }),
    );
    const { client, clock } = truefoundry(server.url);
    const run = await client.jobRuns.start({ applicationId: "app-1" });
    const seen: string[] = [];
    const error = (await run.waitForCompletion({ pollInterval: 1000, onProgress: (s) => seen.push(`${s.status}/${s.rawStatus}`) }).catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error.message).toContain("exit code 2");
    expect(seen).toEqual(["running/RUNNING", "failed/FAILED"]);
    expect(clock.sleeps).toEqual([1000]);
    expect(server.requests.slice(1).map((r) => r.path)).toEqual(["/api/svc/v1/jobs/app-1/runs/etl-0001", "/api/svc/v1/jobs/app-1/runs/etl-0001"]);
  });

  it("cancel() on the handle terminates the run, then reads it once; its deployment id comes from a read when not known", async () => {
    server.reply(
      json(200, { data: tfyRun("etl-0001", "RUNNING", { deploymentId: "dep-9" }) }),
      json(200, { message: "ok", jobRunStatus: "TERMINATION_REQUESTED" }),
      json(200, { data: tfyRun("etl-0001", "TERMINATION_REQUESTED") }),
    );
    const { client } = truefoundry(server.url);
    const known = client.jobRuns.track("app-1", "etl-0001");
    expect(known.canCancel).toBe(true);
    await known.updateStatus();
    expect(known.value.deploymentId).toBe("dep-9");
    await known.cancel();
    expect(server.requests.map((r) => r.url)).toEqual([
      "/api/svc/v1/jobs/app-1/runs/etl-0001", "/api/svc/v1/jobs/terminate?deploymentId=dep-9&jobRunName=etl-0001", "/api/svc/v1/jobs/app-1/runs/etl-0001"]);
    expect(known.status).toBe("cancelled");

    server.reply(json(200, { data: tfyRun("etl-0002", "RUNNING", { deploymentId: "dep-7" }) }), json(200, { message: "ok" }), json(200, { data: tfyRun("etl-0002", "TERMINATING", { deploymentId: "dep-7" }) }));
    await client.jobRuns.track("app-1", "etl-0002").cancel();
    expect(server.requests.slice(3).map((r) => r.url)).toEqual([
      "/api/svc/v1/jobs/app-1/runs/etl-0002", "/api/svc/v1/jobs/terminate?deploymentId=dep-7&jobRunName=etl-0002", "/api/svc/v1/jobs/app-1/runs/etl-0002"]);

    server.reply(json(200, { data: tfyRun("etl-0003", "RUNNING") }));
    const error = await client.jobRuns.track("app-1", "etl-0003").cancel().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toContain('jobRuns.cancel(deploymentId, "etl-0003")');
    expect(server.requests).toHaveLength(7);
  });

  it("jobRuns.cancel returns the service's message and the run's new status", async () => {
    server.reply(json(200, { message: "Termination requested", jobRunStatus: "TERMINATION_REQUESTED" }), raw(204, ""));
    const { client } = truefoundry(server.url);
    expect(await client.jobRuns.cancel("dep-1", "etl-1")).toEqual({ message: "Termination requested", jobRunStatus: "TERMINATION_REQUESTED" });
    expect(await client.jobRuns.cancel("dep-1", "etl-1")).toEqual({});
  });

  it("terminating a finished run surfaces TrueFoundry's 417", async () => {
    server.reply(json(200, { data: tfyRun("etl-1", "FINISHED", { deploymentId: "d" }) }), json(417, { statusCode: 417, message: "run already finished" }));
    const { client } = truefoundry(server.url);
    const error = (await client.jobRuns.track("app-1", "etl-1").cancel().catch((e: unknown) => e)) as UnexpectedStatusError;
    expect(error.status).toBe(417);
    expect(error.serviceMessage).toBe("run already finished");
  });

  it("a run started by deployment id says how to follow it instead of guessing", async () => {
    server.reply(json(200, { jobRunName: "etl-0003" }));
    const { client } = truefoundry(server.url);
    const run = await client.jobRuns.start({ deploymentId: "dep-1" });
    await expect(run.updateStatus()).rejects.toThrow(/jobRuns.track\(applicationId, "etl-0003"\)/);
    expect(server.requests).toHaveLength(1);
  });

  it("a new run status reads as unknown (UnknownValueTests)", async () => {
    server.reply(json(200, { data: tfyRun("r1", "PAUSED_BY_ADMIN") }));
    const { client } = truefoundry(server.url);
    const run = client.jobRuns.track("app-1", "r1");
    expect(await run.updateStatus()).toBe("unknown");
    expect(run.rawStatus).toBe("PAUSED_BY_ADMIN");
  });
});
