import { afterEach, describe, expect, it, vi } from "vitest";
import { AgentsetClient, ServiceTimeoutError, TokenRefreshError, TransportError, type AgentsetClientOptions } from "../../../src/index.js";
import { KEY } from "../../support/clients.js";
import { abortableDelay, cannedFetch, hangingUntilAborted, jobResponse } from "../../support/cannedFetch.js";
import { VirtualClock } from "../../support/virtualClock.js";

const THIRTY_DAYS = 2_592_000_000;
const client = (extra: Partial<AgentsetClientOptions>) => new AgentsetClient({ baseUrl: "https://api.agentset.test", apiKey: KEY, namespaceId: "ns_1", ...extra });
const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
const create = { payload: { type: "TEXT" as const, text: "hi" } };

afterEach(() => vi.restoreAllMocks());

// Issue 27 §2, "`engines` says >=20, the code needs 20.3": Node 20.0–20.2 have no AbortSignal.any; every call threw
// "AbortSignal.any is not a function" as a TransportError that may have reached the service, leaving a 30 s timer.
describe("on a Node without AbortSignal.any (20.0–20.2)", () => {
  const any = AbortSignal.any;
  const withoutAny = async (body: () => Promise<void>) => {
    (AbortSignal as { any?: unknown }).any = undefined;
    try {
      await body();
    } finally {
      AbortSignal.any = any;
    }
  };

  it("a get and a create with a caller's signal succeed, and no timer is left", async () => {
    await withoutAny(async () => {
      const { fetch, seen } = cannedFetch(({ init }) => (init?.method === "POST" ? jobResponse("job_2", "QUEUED", 201) : jobResponse("job_1")));
      const c = client({ fetch });
      const before = timers();
      expect((await c.ingestJobs.get("job_1", { signal: new AbortController().signal })).id).toBe("job_1");
      expect((await c.ingestJobs.create(create)).id).toBe("job_2");
      expect(seen).toHaveLength(2);
      expect(timers()).toBe(before);
    });
  });

  it("a wait for completion with a caller's signal succeeds", async () => {
    await withoutAny(async () => {
      const { fetch } = cannedFetch(({ n }) => jobResponse("job_1", n < 2 ? "PROCESSING" : "COMPLETED"));
      const run = await client({ fetch, clock: new VirtualClock() }).ingestJobs.track("job_1").waitForCompletion({ signal: new AbortController().signal });
      expect(run.status).toBe("succeeded");
    });
  });
});

describe("a failure before anything was sent", () => {
  it("is never 'may have been processed' (a create whose token provider throws), and clears every timer", async () => {
    const clock = new VirtualClock(undefined, { timers: true });
    const { fetch, seen } = cannedFetch(() => jobResponse("job_2", "QUEUED", 201));
    const error = await client({ apiKey: undefined, tokenProvider: () => Promise.reject(new Error("vault down")), fetch, clock })
      .ingestJobs.create(create)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).mayHaveBeenProcessed).toBe(false);
    expect(seen).toHaveLength(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it("a failure while the request is prepared (a runtime that refuses to set its timer) is a TransportError that did not reach the service", async () => {
    const { fetch, seen } = cannedFetch(() => jobResponse("job_2", "QUEUED", 201));
    const clock = new VirtualClock();
    Object.defineProperty(clock, "setTimer", {
      value: () => {
        throw new TypeError("setTimeout is not a function");
      },
    });
    const error = (await client({ fetch, clock, retry: { maxAttempts: 1 } }).ingestJobs.create(create).catch((e: unknown) => e)) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(seen).toHaveLength(0);
  });

  it("every timer is cleared when a call ends: success, a service error, a call timeout", async () => {
    const clock = new VirtualClock(undefined, { timers: true });
    const ok = cannedFetch(() => jobResponse("job_1"));
    await client({ fetch: ok.fetch, clock }).ingestJobs.get("job_1");
    expect(clock.pendingTimers).toBe(0);
    const missing = cannedFetch(() => new Response("{}", { status: 404 }));
    await client({ fetch: missing.fetch, clock }).ingestJobs.get("job_1").catch(() => undefined);
    expect(clock.pendingTimers).toBe(0);
    const hang = cannedFetch(({ init }) => hangingUntilAborted(init));
    const pending = client({ fetch: hang.fetch, clock, timeout: 1_000 }).ingestJobs.get("job_1").catch((e: unknown) => e);
    await new Promise((r) => setImmediate(r));
    clock.advance(1_000);
    expect(await pending).toBeInstanceOf(ServiceTimeoutError);
    expect(clock.pendingTimers).toBe(0);
  });
});

// Issue 27 §2, "Timeouts beyond 2^31−1 ms fire at once": a client timeout of 30 days ended every call at once.
describe("a client timeout of 30 days", () => {
  it("lets a call that takes 30 ms succeed (real timers)", async () => {
    const { fetch } = cannedFetch(async ({ init }) => (await abortableDelay(30, init?.signal), jobResponse("job_1")));
    const c = client({ fetch, timeout: THIRTY_DAYS, retry: { attemptTimeout: THIRTY_DAYS } });
    expect((await c.ingestJobs.get("job_1")).id).toBe("job_1");
  });

  it("ends a hanging call after 30 days and not before (virtual timers)", async () => {
    const clock = new VirtualClock(undefined, { timers: true });
    const { fetch } = cannedFetch(({ init }) => hangingUntilAborted(init));
    let settled = false;
    const pending = client({ fetch, clock, timeout: THIRTY_DAYS, retry: { attemptTimeout: THIRTY_DAYS, maxElapsed: THIRTY_DAYS } })
      .ingestJobs.get("job_1")
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    clock.advance(THIRTY_DAYS - 1);
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    clock.advance(1);
    const error = (await pending) as ServiceTimeoutError;
    expect(error).toBeInstanceOf(ServiceTimeoutError);
    expect(error.timeout).toBe(THIRTY_DAYS);
  });
});

// Issue 27 §2, "Deadlines on the wall clock": Date.now stepped +3 min during a 503 made the 2-minute retry budget look
// spent, so the 503 was thrown after 1 request.
describe("the retry budget on a monotonic clock", () => {
  it("Date.now stepped +3 min during a 503: the read is retried and succeeds (2 requests)", async () => {
    const realNow = Date.now.bind(Date);
    let offset = 0;
    vi.spyOn(Date, "now").mockImplementation(() => realNow() + offset);
    const { fetch, seen } = cannedFetch(({ n }) => {
      if (n === 1) {
        offset = 180_000;
        return new Response("busy", { status: 503 });
      }
      return jobResponse("job_1");
    });
    const c = client({ fetch, retry: { baseDelay: 5, useJitter: false } });
    expect((await c.ingestJobs.get("job_1")).id).toBe("job_1");
    expect(seen).toHaveLength(2);
  });

  it("a virtual wall clock stepped +3 min during a 503 does not spend the budget either", async () => {
    const clock = new VirtualClock(undefined, { timers: true });
    const { fetch, seen } = cannedFetch(({ n }) => {
      if (n === 1) {
        clock.stepWallClock(180_000);
        return new Response("busy", { status: 503 });
      }
      return jobResponse("job_1");
    });
    await client({ fetch, clock }).ingestJobs.get("job_1");
    expect(seen).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe("attempt signals are reused only when nothing holds them (issue 27 §3)", () => {
  it("a fetch that leaves a listener on the signal gets a fresh signal next time; one that leaves none may get the same, unaborted", async () => {
    const keeping: AbortSignal[] = [];
    const keeper = cannedFetch(({ init }) => {
      keeping.push(init!.signal!);
      init!.signal!.addEventListener("abort", () => {});
      return jobResponse("job_1");
    });
    const keepingClient = client({ fetch: keeper.fetch });
    await keepingClient.ingestJobs.get("job_1");
    await keepingClient.ingestJobs.get("job_1");
    expect(keeping[0]).not.toBe(keeping[1]);

    const clean: AbortSignal[] = [];
    const tidy = cannedFetch(({ init }) => {
      clean.push(init!.signal!);
      return jobResponse("job_1");
    });
    const tidyClient = client({ fetch: tidy.fetch });
    await tidyClient.ingestJobs.get("job_1");
    await tidyClient.ingestJobs.get("job_1");
    expect(clean[0]).toBe(clean[1]);
    expect(clean[1]!.aborted).toBe(false);
  });

  it("a signal that aborted (a timed-out attempt) is never handed out again", async () => {
    const clock = new VirtualClock(undefined, { timers: true });
    const signals: AbortSignal[] = [];
    const { fetch } = cannedFetch(({ init, n }) => {
      signals.push(init!.signal!);
      return n === 1 ? hangingUntilAborted(init) : jobResponse("job_1");
    });
    const pending = client({ fetch, clock, retry: { attemptTimeout: 100 } }).ingestJobs.get("job_1");
    await new Promise((r) => setImmediate(r));
    clock.advance(100);
    expect((await pending).id).toBe("job_1");
    expect(signals).toHaveLength(2);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]).not.toBe(signals[0]);
    expect(signals[1]!.aborted).toBe(false);
  });
});
