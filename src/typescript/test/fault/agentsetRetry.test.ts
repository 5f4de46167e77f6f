import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AstroTriggersError,
  InternalServerError,
  RateLimitExceededError,
  ServiceRequestError,
  TransportError,
  UnexpectedStatusError,
} from "../../src/index.js";
import { agentsetError, jobBody } from "../support/agentsetJson.js";
import { agentset } from "../support/clients.js";
import { closedPortUrl, json, ScriptedServer } from "../support/scriptedServer.js";
import { serverSaw } from "../support/timedFaults.js";
import { AgentsetClient } from "../../src/index.js";
import { VirtualClock } from "../support/virtualClock.js";

const TEXT = { payload: { type: "TEXT", text: "hello" } } as const;

describe("Agentset retries (IngestJobsRetryTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("retries a get answered 503 after the backoff", async () => {
    server.reply(json(503, agentsetError("internal_server_error", "busy")), json(200, jobBody("job_1")));
    const { client, clock } = agentset(server.url, { retry: { useJitter: false } });
    const job = await client.ingestJobs.get("job_1");
    expect(job.id).toBe("job_1");
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([500]);
  });

  it("a create answered 429 waits the Retry-After seconds, then sends again", async () => {
    server.reply(json(429, agentsetError("rate_limit_exceeded", "slow down"), { "retry-after": "2" }), json(201, jobBody("job_9")));
    const { client, clock } = agentset(server.url);
    const job = await client.ingestJobs.create(TEXT);
    expect(job.id).toBe("job_9");
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(clock.sleeps).toEqual([2000]);
  });

  it("reads Agentset's Unix-millisecond Retry-After as a moment against the response's Date", async () => {
    const serverNow = Date.parse("2030-01-01T00:00:00Z");
    server.reply(
      json(429, agentsetError("rate_limit_exceeded", "slow down"), {
        "retry-after": String(serverNow + 1500),
        date: new Date(serverNow).toUTCString(),
      }),
      json(200, jobBody("job_1")),
    );
    // The local clock is years off; the wait is measured against the server's Date, not it.
    const { client, clock } = agentset(server.url);
    await client.ingestJobs.get("job_1");
    expect(clock.sleeps).toEqual([1500]);
    expect(server.requests).toHaveLength(2);
  });

  it("honours an HTTP-date Retry-After", async () => {
    const serverNow = Date.parse("2026-11-30T12:00:00Z");
    server.reply(
      json(503, "busy", { "retry-after": new Date(serverNow + 3000).toUTCString(), date: new Date(serverNow).toUTCString() }),
      json(200, jobBody("job_1")),
    );
    const { client, clock } = agentset(server.url);
    await client.ingestJobs.get("job_1");
    expect(clock.sleeps).toEqual([3000]);
  });

  it("a Retry-After beyond the max delay is thrown at once with retryAfter set", async () => {
    server.reply(json(429, agentsetError("rate_limit_exceeded", "slow down"), { "retry-after": "31" }));
    const { client, clock } = agentset(server.url);
    const error = await client.ingestJobs.get("job_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitExceededError);
    expect((error as RateLimitExceededError).retryAfter).toBe(31_000);
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("a Retry-After beyond the remaining budget is thrown at once", async () => {
    server.reply(json(429, "slow", { "retry-after": "20" }));
    const { client } = agentset(server.url, { retry: { maxElapsed: 10_000 } });
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as RateLimitExceededError;
    expect(error.retryAfter).toBe(20_000);
    expect(server.requests).toHaveLength(1);
  });

  it("a create answered 502 is not repeated but a get is", async () => {
    server.reply(json(502, "bad gateway"), json(502, "bad gateway"), json(200, jobBody("job_1")));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as UnexpectedStatusError;
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error.status).toBe(502);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(server.requests).toHaveLength(1);
    await client.ingestJobs.get("job_1");
    expect(server.requests).toHaveLength(3);
  });

  it("a create answered 500 is sent exactly once and marked mayHaveBeenProcessed", async () => {
    server.otherwise(json(500, agentsetError("internal_server_error", "boom")));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(error.message).toContain("may have been processed");
    expect(server.requests).toHaveLength(1);
  });

  it("a 503 with Retry-After to a create is retried (the service did not act)", async () => {
    server.reply(json(503, "maintenance", { "retry-after": "1" }), json(201, jobBody("job_2")));
    const { client } = agentset(server.url);
    expect((await client.ingestJobs.create(TEXT)).id).toBe("job_2");
    expect(server.requests).toHaveLength(2);
  });

  it("opting in to unsafe retries per call repeats the create", async () => {
    server.reply(json(502, "bad gateway"), json(201, jobBody("job_3")));
    const { client } = agentset(server.url);
    const job = await client.ingestJobs.create(TEXT, { retry: { retryUnsafeRequests: true } });
    expect(job.id).toBe("job_3");
    expect(server.requests).toHaveLength(2);
  });

  it("attempts stop at maxAttempts and the last error is thrown", async () => {
    server.otherwise(json(503, agentsetError("internal_server_error", "still busy")));
    const { client, clock } = agentset(server.url, { retry: { useJitter: false } });
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as ServiceRequestError;
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it("backoff is capped at maxDelay", async () => {
    server.otherwise(json(503, "busy"));
    const { client, clock } = agentset(server.url, { retry: { useJitter: false, baseDelay: 20_000, maxAttempts: 3 } });
    await client.ingestJobs.get("job_1").catch(() => {});
    expect(clock.sleeps).toEqual([20_000, 30_000]);
  });

  it("jitter keeps each wait between 50 and 100 % of the exponential delay", async () => {
    server.otherwise(json(503, "busy"));
    const { client, clock } = agentset(server.url);
    await client.ingestJobs.get("job_1").catch(() => {});
    expect(clock.sleeps).toHaveLength(3);
    clock.sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(500 * 2 ** i * 0.5);
      expect(ms).toBeLessThanOrEqual(500 * 2 ** i);
    });
  });

  it("a refused connection is retried (nothing was sent), then thrown as never reached", async () => {
    const clock = new VirtualClock();
    const client = new AgentsetClient({ baseUrl: await closedPortUrl(), apiKey: "sk_abcdef", namespaceId: "ns_1", clock });
    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toBeInstanceOf(AstroTriggersError);
    expect(error.status).toBe(0);
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(error.message).toContain("did not reach the service");
    expect(clock.sleeps).toHaveLength(3);
  });

  it("the caller's abort surfaces as its own reason and is not retried", async () => {
    server.otherwise(json(503, "busy"));
    const { client } = agentset(server.url);
    const controller = new AbortController();
    const reason = new Error("caller stopped");
    controller.abort(reason);
    await expect(client.ingestJobs.get("job_1", { signal: controller.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("an abort during an attempt stops it with the caller's reason after one request", async () => {
    server.otherwise(() => {});
    const { client } = agentset(server.url);
    const controller = new AbortController();
    const pending = client.ingestJobs.get("job_1", { signal: controller.signal }).catch((e: unknown) => e);
    // After the request reached the server, not after 50 real ms (a loaded machine may not have sent it by then).
    await serverSaw(server, 1);
    controller.abort();
    const error = await pending;
    expect((error as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });
});
