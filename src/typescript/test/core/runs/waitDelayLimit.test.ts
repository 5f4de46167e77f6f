import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RunGroup, RunWaitTimeoutError } from "../../../src/index.js";
import { job, jobBody } from "../../support/agentsetJson.js";
import { agentset } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";
import type { VirtualClock } from "../../support/virtualClock.js";

// The wait's deadline is the delay limit of every read it makes (tests/conformance rule `poll-schedule`): neither the
// client's retry delay nor the rate-limit pacer's wait inside a read may end past it; the attempts themselves are not cut.

/**
 * Agentset's 429: its window spent for `resetInMs`, the reset and the Retry-After as Unix-ms moments on the client's
 * virtual clock (with a `Date` on that clock too), so the pacer holds every call until then.
 */
function agentset429(clock: VirtualClock, resetInMs: number) {
  const reset = String(clock.now() + resetInMs);
  return json(429, { success: false, error: { code: "rate_limit_exceeded", message: "slow down" } }, {
    date: new Date(clock.now()).toUTCString(),
    "x-ratelimit-limit": "60",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": reset,
    "retry-after": reset,
  });
}

const list = (status: string) => json(200, { success: true, data: [job("job_a", status)], pagination: { nextCursor: null, prevCursor: null, hasMore: false } });

describe("a wait's deadline bounds the sleeps inside its reads (delay limit)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("Agentset 429 resetting in 60 s, timeout 2 s: the read at the deadline is not sent, the wait ends at 2 s with the timeout", async () => {
    const { client, clock } = agentset(server.url);
    server.reply(agentset429(clock, 60_000));
    server.otherwise(json(200, jobBody("job_1", "COMPLETED")));
    const error = (await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 2_000 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
    expect(error).toBeInstanceOf(RunWaitTimeoutError);
    expect(error.polls).toBe(0);
    // One status GET (the 429, not retried inside: 60 s > 2 s left); the wait's own sleep cut to the deadline; the
    // pacer refused the deadline read (nothing sent) instead of holding it 58 s.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe("GET");
    expect(clock.sleeps).toEqual([2_000]);
    expect(clock.monotonic()).toBe(2_000);
  });

  it("a 503 with Retry-After 10 s, timeout 2 s: no retry inside the read; the read at the deadline returns the run", async () => {
    const { client, clock } = agentset(server.url);
    server.reply(json(503, "busy", { "retry-after": "10" }));
    server.otherwise(json(200, jobBody("job_1", "COMPLETED")));
    const run = await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 2_000 });
    expect(run.status).toBe("succeeded");
    expect(clock.sleeps).toEqual([2_000]);
    expect(clock.monotonic()).toBe(2_000);
    expect(server.requests).toHaveLength(2);
  });

  it("a retry delay that ends inside the deadline is still slept in the read", async () => {
    const { client, clock } = agentset(server.url);
    server.reply(json(503, "busy", { "retry-after": "1" }));
    server.otherwise(json(200, jobBody("job_1", "COMPLETED")));
    const run = await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 2_000 });
    expect(run.status).toBe("succeeded");
    expect(clock.sleeps).toEqual([1_000]);
    expect(server.requests).toHaveLength(2);
  });

  it("a group: the list's 429 is not retried nor paced past the run's deadline; the run is given up at 2 s after one list read", async () => {
    const { client, clock } = agentset(server.url);
    server.reply(agentset429(clock, 60_000));
    server.otherwise(list("COMPLETED"));
    const [result] = await new RunGroup([client.ingestJobs.track("job_a")], { pollInterval: 1_000, timeout: 2_000 }).waitForAll();
    expect(result!.error).toBeInstanceOf(RunWaitTimeoutError);
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
    expect(clock.monotonic()).toBe(2_000);
  });

  it("a group: a 503 with Retry-After 10 s is not retried inside the list read; the read at the deadline returns the run", async () => {
    const { client, clock } = agentset(server.url);
    server.reply(json(503, "busy", { "retry-after": "10" }));
    server.otherwise(list("COMPLETED"));
    const [result] = await new RunGroup([client.ingestJobs.track("job_a")], { pollInterval: 1_000, timeout: 2_000 }).waitForAll();
    expect(result!.status).toBe("succeeded");
    expect(result!.error).toBeUndefined();
    expect(clock.sleeps).toEqual([1_000, 1_000]);
    expect(server.requests).toHaveLength(2);
  });

  it("outside a wait a plain get still retries after the 503's Retry-After of 10 s", async () => {
    const { client, clock } = agentset(server.url);
    server.reply(json(503, "busy", { "retry-after": "10" }));
    server.otherwise(json(200, jobBody("job_1", "COMPLETED")));
    const value = await client.ingestJobs.get("job_1");
    expect(value.status).toBe("COMPLETED");
    expect(clock.sleeps).toEqual([10_000]);
    expect(server.requests).toHaveLength(2);
  });

  it("outside a wait a plain get is still paced until Agentset's reset, then sent (the wait's limit does not leak)", async () => {
    const { client, clock } = agentset(server.url, { retry: { maxAttempts: 1 } });
    server.reply(agentset429(clock, 5_000));
    server.otherwise(json(200, jobBody("job_1", "COMPLETED")));
    // A wait first (its 2 s deadline refuses the paced read), then a plain get: the get waits out the window.
    await expect(client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 2_000 })).rejects.toBeInstanceOf(RunWaitTimeoutError);
    expect(server.requests).toHaveLength(1);
    const value = await client.ingestJobs.get("job_1");
    expect(value.status).toBe("COMPLETED");
    expect(server.requests).toHaveLength(2);
    expect(clock.monotonic()).toBeGreaterThanOrEqual(5_000);
  });

  it("inside a wait a 503 that cannot be retried before the deadline at the deadline read ends the wait with the timeout", async () => {
    const { client } = agentset(server.url);
    server.otherwise(json(503, "busy", { "retry-after": "10" }));
    const error = (await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 2_000 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
    expect(error).toBeInstanceOf(RunWaitTimeoutError);
    expect(server.requests).toHaveLength(2);
  });
});
