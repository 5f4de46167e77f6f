import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, NotFoundError, RunFailedError, RunWaitTimeoutError, UnsupportedOperationError } from "../../src/index.js";
import { jobBody } from "../support/agentsetJson.js";
import { agentset } from "../support/clients.js";
import { json, ScriptedServer } from "../support/scriptedServer.js";

describe("waitForCompletion (WaitForCompletionTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("a run that goes queued, running, succeeded is read three times and reports each status", async () => {
    server.reply(json(200, jobBody("job_1", "QUEUED")), json(200, jobBody("job_1", "PROCESSING")), json(200, jobBody("job_1", "COMPLETED")));
    const { client } = agentset(server.url);
    const seen: string[] = [];
    const run = await client.ingestJobs.track("job_1").waitForCompletion({ onProgress: (s) => seen.push(s.status) });
    expect(run.status).toBe("succeeded");
    expect(run.value?.status).toBe("COMPLETED");
    expect(seen).toEqual(["queued", "running", "succeeded"]);
    expect(server.requests).toHaveLength(3);
  });

  it("the poll interval grows by the backoff factor up to the max", async () => {
    server.reply(...Array.from({ length: 5 }, () => json(200, jobBody("job_1", "PROCESSING"))), json(200, jobBody("job_1", "COMPLETED")));
    const { client, clock } = agentset(server.url);
    await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1000, backoffFactor: 2, maxPollInterval: 5000 });
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it("failure can be returned instead of thrown", async () => {
    server.reply(json(200, jobBody("job_1", "FAILED")));
    const { client } = agentset(server.url);
    const run = await client.ingestJobs.track("job_1").waitForCompletion({ throwOnFailure: false });
    expect(run.status).toBe("failed");
    expect(run.errorMessage).toBe("parse failed");
    server.reply(json(200, jobBody("job_1", "CANCELLED")));
    await expect(client.ingestJobs.track("job_1").waitForCompletion()).rejects.toBeInstanceOf(RunFailedError);
  });

  it("a run that never ends times out after the reads that fit in the timeout; the run is not stopped", async () => {
    server.otherwise(json(200, jobBody("job_1", "PROCESSING")));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1000, backoffFactor: 1, timeout: 3500 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
    expect(error).toBeInstanceOf(RunWaitTimeoutError);
    expect(error.polls).toBe(4);
    expect(server.requests).toHaveLength(4);
    expect(server.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("an abort stops the wait with its reason and no further reads", async () => {
    server.otherwise(json(200, jobBody("job_1", "PROCESSING")));
    const { client } = agentset(server.url);
    const controller = new AbortController();
    const error = await client.ingestJobs
      .track("job_1")
      .waitForCompletion({ signal: controller.signal, onProgress: () => controller.abort() })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });

  it("a 429 while polling waits the service's Retry-After instead of the interval", async () => {
    server.reply(json(429, "slow", { "retry-after": "60" }), json(200, jobBody("job_1", "COMPLETED")));
    const { client, clock } = agentset(server.url);
    await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1000 });
    expect(clock.sleeps).toEqual([60_000]);
  });

  it("other errors while polling surface as they are", async () => {
    server.reply(json(404, { success: false, error: { code: "not_found", message: "no job" } }));
    const { client } = agentset(server.url);
    await expect(client.ingestJobs.track("job_1").waitForCompletion()).rejects.toBeInstanceOf(NotFoundError);
  });

  it("invalid wait options are refused before any request; Agentset has no cancel", async () => {
    const { client } = agentset(server.url);
    const run = client.ingestJobs.track("job_1");
    await expect(run.waitForCompletion({ pollInterval: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(run.waitForCompletion({ backoffFactor: 0.5 })).rejects.toThrow(/between 1 and 10/);
    expect(run.canCancel).toBe(false);
    await expect(run.cancel()).rejects.toThrow(UnsupportedOperationError);
    await expect(run.cancel()).rejects.toThrow(/ingestJobs\.delete/);
    expect(server.requests).toHaveLength(0);
  });
});
