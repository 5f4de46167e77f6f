import type http from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AgentsetClient,
  PacedRateLimitError,
  RateLimitExceededError,
  type AgentsetClientOptions,
} from "../../../src/index.js";
import { jobBody } from "../../support/agentsetJson.js";
import { KEY } from "../../support/clients.js";
import { ManualClock, trackedFetch } from "../../support/manualClock.js";
import { json, ScriptedServer, type Reply } from "../../support/scriptedServer.js";

// Issue 27 §1: rate-limit pacing as the C# client has it (issue 25 §1), real HTTP on loopback, time virtual.
const servers: ScriptedServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(): Promise<ScriptedServer> {
  const s = await ScriptedServer.start();
  servers.push(s);
  return s;
}

const tracked = trackedFetch();
const busy = tracked.busy;

function agentset(url: string, clock: ManualClock, extra: Partial<AgentsetClientOptions> = {}) {
  return new AgentsetClient({ baseUrl: url, apiKey: KEY, namespaceId: "ns_1", clock, fetch: tracked.fetch, ...extra });
}

/**
 * Agentset's headers: the reset moment (and a 429's Retry-After) in Unix ms, on the client's virtual clock, with a
 * `Date` on that clock too (Node's server would stamp the real one, which a virtual clock disagrees with).
 */
function window(clock: ManualClock, remaining: number, resetInMs: number, limit = 60): Record<string, string> {
  return {
    date: new Date(clock.now()).toUTCString(),
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset": String(clock.now() + resetInMs),
  };
}

/** A 200 with the job and a window computed when the request arrives. */
function ok(clock: ManualClock, remaining: number, resetInMs: number, limit = 60): Reply {
  return (req, res, socket) => json(200, jobBody("job_1"), window(clock, remaining, resetInMs, limit))(req, res, socket);
}

/**
 * An honest fixed-window service: `limit` requests per `windowMs` of virtual time; Remaining says what is left of the
 * current window and Reset its end; past the limit it refuses with 429 (and counts the refusal).
 */
function honestWindow(clock: ManualClock, limit: number, windowMs: number) {
  const counts = new Map<number, number>();
  const state = { refused: 0, counts };
  const reply: Reply = (req, res, socket) => {
    const w = Math.floor(clock.monotonic() / windowMs);
    const used = (counts.get(w) ?? 0) + 1;
    counts.set(w, used);
    const headers = window(clock, Math.max(limit - used, 0), (w + 1) * windowMs - clock.monotonic(), limit);
    if (used > limit) {
      state.refused++;
      json(429, { success: false, error: { code: "rate_limit_exceeded", message: "slow down" } }, { ...headers, "retry-after": headers["x-ratelimit-reset"]! })(req, res, socket);
      return;
    }
    json(200, jobBody("job_1"), headers)(req, res, socket);
  };
  return { reply, state };
}

/** A reply held until the test releases it (an attempt in flight for as long as the test wants). */
function held(): { reply: Reply; release: (reply: Reply) => void } {
  let pending: { req: http.IncomingMessage; res: http.ServerResponse; socket: import("node:net").Socket } | undefined;
  let queued: Reply | undefined;
  return {
    reply: (req, res, socket) => {
      if (queued) queued(req, res, socket);
      else pending = { req, res, socket };
    },
    release: (reply) => {
      if (pending) reply(pending.req, pending.res, pending.socket);
      else queued = reply;
    },
  };
}

const settle = async <T>(p: Promise<T>) => p.then((value) => ({ value, error: undefined }), (error: unknown) => ({ value: undefined, error }));

describe("rate-limit pacing", () => {
  it("refuses a call at once, nothing sent, when the window is spent beyond the call's budget (PacedRateLimitError)", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(ok(clock, 0, 60_000));
    const client = agentset(s.url, clock, { timeout: 5000 });
    await client.ingestJobs.get("job_1");

    for (const call of [() => client.ingestJobs.get("job_1"), () => client.ingestJobs.create({ payload: { type: "TEXT", text: "x" } })]) {
      const { error } = await settle(call());
      expect(error).toBeInstanceOf(PacedRateLimitError);
      expect(error).toBeInstanceOf(RateLimitExceededError);
      const paced = error as PacedRateLimitError;
      expect(paced.errorCode).toBe(PacedRateLimitError.errorCodeValue);
      expect(paced.errorCode).toBe("rate_limit_paced");
      expect(paced.status).toBe(429);
      expect(paced.mayHaveBeenProcessed).toBe(false);
      expect(paced.retryAfter).toBe(60_001);
      expect(paced.service).toBe("Agentset");
      expect(paced.message).toContain("not sent");
    }
    expect(s.requests).toHaveLength(1);
    expect(clock.monotonic()).toBe(0);
  });

  it("holds the next call until the reset, then sends it", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(ok(clock, 0, 10_000), ok(clock, 59, 70_000));
    const client = agentset(s.url, clock);
    await client.ingestJobs.get("job_1");

    const second = client.ingestJobs.get("job_1");
    await clock.drive([second], busy);
    expect(s.requests).toHaveLength(2);
    expect(clock.monotonic()).toBe(10_001);
  });

  it("the pacing wait does not count against the attempt timeout", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(ok(clock, 0, 10_000), ok(clock, 59, 70_000));
    const client = agentset(s.url, clock, { retry: { attemptTimeout: 2000 } });
    await client.ingestJobs.get("job_1");
    const [second] = await clock.drive([client.ingestJobs.get("job_1")], busy);
    expect(second!.status).toBe("fulfilled");
    expect(s.requests).toHaveLength(2);
  });

  // Issue 25 input A: a 429 with a 1 s hint inside a window that resets in a minute: the retry goes after 1 s.
  it("a 429's own hint wins over the older window's reset (input A)", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(
      ok(clock, 59, 60_000),
      (req, res, socket) => json(429, { success: false, error: { code: "rate_limit_exceeded", message: "slow" } }, { ...window(clock, 0, 60_000), "retry-after": "1" })(req, res, socket),
      ok(clock, 58, 59_000),
    );
    const client = agentset(s.url, clock, { timeout: 10_000 });
    await client.ingestJobs.get("job_1");
    const [result] = await clock.drive([client.ingestJobs.get("job_1")], busy);
    expect(result!.status).toBe("fulfilled");
    expect(s.requests).toHaveLength(3);
    expect(clock.monotonic()).toBe(1000);
  });

  // Issue 25 input C: one 429 with a 1 s hint, then calls one virtual second apart: every call ends, none stalls.
  it("calls a virtual second apart after a 429 all end (input C)", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(
      (req, res, socket) => json(429, { success: false, error: { code: "rate_limit_exceeded", message: "slow" } }, { ...window(clock, 0, 60_000), "retry-after": "1" })(req, res, socket),
    );
    let left = 59;
    s.otherwise((req, res, socket) => ok(clock, Math.max(--left, 0), 60_000 - clock.monotonic())(req, res, socket));
    const client = agentset(s.url, clock);
    for (let i = 0; i < 60; i++) {
      const [r] = await clock.drive([client.ingestJobs.get("job_1")], busy);
      expect(r!.status).toBe("fulfilled");
      clock.advance(1000);
    }
    expect(clock.monotonic()).toBeLessThanOrEqual(61_000 + 1000);
  });

  it("shares one budget between concurrent calls: a burst never exceeds what remains (input B: answers of older attempts free slots)", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(ok(clock, 3, 10_000, 4));
    const client = agentset(s.url, clock);
    await client.ingestJobs.get("job_1");
    // The service does not count (as input B's fake): every answer says 3 left. Answers are held, so the calls stay in flight.
    const holds = Array.from({ length: 10 }, () => held());
    s.reply(...holds.map((h) => h.reply));
    const calls = Array.from({ length: 10 }, () => client.ingestJobs.get("job_1"));
    await seen(s, 1 + 3);
    // One answer comes back: one slot frees (nothing frozen from the moment an answer arrived).
    holds[0]!.release(ok(clock, 3, 10_000, 4));
    await seen(s, 1 + 4);
    for (const h of holds.slice(1)) h.release(ok(clock, 3, 10_000, 4));
    const results = await clock.drive(calls, busy);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(s.requests).toHaveLength(11);
    expect(clock.monotonic()).toBe(0);
  });

  it("against an honest service, 30 concurrent calls never draw past the limit and all end", async () => {
    const clock = new ManualClock();
    const honest = honestWindow(clock, 5, 10_000);
    const s = (await server()).otherwise(honest.reply);
    const client = agentset(s.url, clock);
    await client.ingestJobs.get("job_1");
    const results = await clock.drive(Array.from({ length: 30 }, () => client.ingestJobs.get("job_1")), busy);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(honest.state.refused).toBe(0);
    expect(Math.max(...honest.state.counts.values())).toBeLessThanOrEqual(5);
    // 31 calls at 5 per 10 s: 7 windows, the last one entered at 60 s and a bit.
    expect(clock.monotonic()).toBeLessThan(70_000);
  });

  it("no call stalls beyond its budget: held by attempts in flight, it ends with PacedRateLimitError when its timeout runs out", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(ok(clock, 1, 60_000));
    const client = agentset(s.url, clock);
    await client.ingestJobs.get("job_1");
    const hold = held();
    s.reply(hold.reply);
    const first = client.ingestJobs.get("job_1");
    await seen(s, 2);
    const second = settle(client.ingestJobs.get("job_1", { timeout: 2000 }));
    await new Promise((r) => setTimeout(r, 20));
    clock.advance(2000);
    const { error } = await second;
    expect(error).toBeInstanceOf(PacedRateLimitError);
    expect((error as PacedRateLimitError).mayHaveBeenProcessed).toBe(false);
    expect(s.requests).toHaveLength(2);
    hold.release(ok(clock, 0, 58_000));
    await first;
  });

  it("many calls against a window spent for a minute all end at once, none sent, none waiting", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(ok(clock, 0, 60_000));
    const client = agentset(s.url, clock, { timeout: 30_000 });
    await client.ingestJobs.get("job_1");
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => client.ingestJobs.get("job_1")));
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof PacedRateLimitError)).toBe(true);
    expect(s.requests).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });

  it("a caller's abort while paced ends the call with the caller's reason, nothing sent", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(ok(clock, 0, 10_000));
    const client = agentset(s.url, clock);
    await client.ingestJobs.get("job_1");
    const controller = new AbortController();
    const call = settle(client.ingestJobs.get("job_1", { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 20));
    const reason = new Error("caller gave up");
    controller.abort(reason);
    expect((await call).error).toBe(reason);
    expect(s.requests).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });

  it("is on by default and off with rateLimitPacing: false (the service's own 429 comes back)", async () => {
    const clock = new ManualClock();
    const refusal: Reply = (req, res, socket) =>
      json(429, { success: false, error: { code: "rate_limit_exceeded", message: "slow" } }, { ...window(clock, 0, 60_000), "retry-after": String(clock.now() + 60_000) })(req, res, socket);
    const s = (await server()).reply(ok(clock, 0, 60_000), refusal);
    const client = agentset(s.url, clock, { rateLimitPacing: false, retry: { maxAttempts: 1 } });
    await client.ingestJobs.get("job_1");
    const { error } = await settle(client.ingestJobs.get("job_1"));
    expect(error).toBeInstanceOf(RateLimitExceededError);
    expect(error).not.toBeInstanceOf(PacedRateLimitError);
    expect((error as RateLimitExceededError).errorCode).toBe("rate_limit_exceeded");
    expect(s.requests).toHaveLength(2);
  });

  it("one budget per client instance: another client of the same service knows nothing yet and sends", async () => {
    const clock = new ManualClock();
    const s = (await server()).reply(ok(clock, 0, 60_000), ok(clock, 0, 60_000));
    const one = agentset(s.url, clock, { timeout: 5000 });
    const two = agentset(s.url, clock, { timeout: 5000 });
    await one.ingestJobs.get("job_1");
    await two.ingestJobs.get("job_1");
    expect(s.requests).toHaveLength(2);
    await expect(one.ingestJobs.get("job_1")).rejects.toBeInstanceOf(PacedRateLimitError);
  });

  it("a service without rate-limit headers is never paced", async () => {
    const clock = new ManualClock();
    const s = (await server()).otherwise(json(200, jobBody("job_1")));
    const client = agentset(s.url, clock);
    const results = await clock.drive(Array.from({ length: 20 }, () => client.ingestJobs.get("job_1")), busy);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(s.requests).toHaveLength(20);
    expect(clock.monotonic()).toBe(0);
  });
});

/**
 * Waits (on real time, bounded by vi.waitFor's own timeout) until the server has seen `count` requests, then lets
 * the event loop turn a few more times and checks no more arrived: a loaded machine may be slow to send, never allowed
 * to send more than the budget admits.
 */
async function seen(s: { requests: unknown[] }, count: number): Promise<void> {
  await vi.waitFor(() => expect(s.requests.length).toBeGreaterThanOrEqual(count), { timeout: 5000, interval: 5 });
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  expect(s.requests).toHaveLength(count);
}
