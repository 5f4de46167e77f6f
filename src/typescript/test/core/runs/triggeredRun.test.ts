import { afterEach, describe, expect, it, vi } from "vitest";
import { AgentsetClient, RunWaitTimeoutError, type AgentsetClientOptions } from "../../../src/index.js";
import { KEY } from "../../support/clients.js";
import { abortableDelay, cannedFetch, jobResponse } from "../../support/cannedFetch.js";
import { VirtualClock } from "../../support/virtualClock.js";

const THIRTY_DAYS = 2_592_000_000;
const client = (extra: Partial<AgentsetClientOptions>) => new AgentsetClient({ baseUrl: "https://api.agentset.test", apiKey: KEY, namespaceId: "ns_1", ...extra });

afterEach(() => vi.restoreAllMocks());

// Issue 27 §2, "Timeouts beyond 2^31−1 ms fire at once": waitForCompletion({ timeout: 30 days }) ended with
// RunWaitTimeoutError after 13 ms and 0 reads.
describe("waitForCompletion with a 30-day timeout", () => {
  it("reads a run whose first read takes 30 ms until it ends (real timers)", async () => {
    const { fetch, seen } = cannedFetch(async ({ n, init }) => {
      if (n === 1) await abortableDelay(30, init?.signal);
      return jobResponse("job_1", n < 3 ? "PROCESSING" : "COMPLETED");
    });
    const run = await client({ fetch }).ingestJobs.track("job_1").waitForCompletion({ timeout: THIRTY_DAYS, pollInterval: 5 });
    expect(run.status).toBe("succeeded");
    expect(seen).toHaveLength(3);
  });

  it("times out after 30 days of virtual time, not before, and clears its timer", async () => {
    const clock = new VirtualClock(undefined, { timers: true });
    const { fetch, seen } = cannedFetch(() => jobResponse("job_1", "PROCESSING"));
    const day = 86_400_000;
    const error = await client({ fetch, clock }).ingestJobs.track("job_1")
      .waitForCompletion({ timeout: THIRTY_DAYS, pollInterval: day, maxPollInterval: day })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunWaitTimeoutError);
    // Reads at 0, 1, … 29 days, and the last one at the deadline, 30 days; only then the timeout.
    expect(seen).toHaveLength(31);
    expect(clock.monotonic()).toBe(30 * day);
    expect(clock.pendingTimers).toBe(0);
  });
});

// Issue 27 §2, "Deadlines on the wall clock": Date.now stepped +2 h during the first status read ended a 60 s wait at once.
describe("waitForCompletion's deadline on a monotonic clock", () => {
  it("Date.now stepped +2 h during the first read: a 60 s wait goes on to the run's end (system clock)", async () => {
    const realNow = Date.now.bind(Date);
    let offset = 0;
    vi.spyOn(Date, "now").mockImplementation(() => realNow() + offset);
    const { fetch, seen } = cannedFetch(({ n }) => {
      if (n === 1) offset = 7_200_000;
      return jobResponse("job_1", n < 3 ? "PROCESSING" : "COMPLETED");
    });
    const run = await client({ fetch }).ingestJobs.track("job_1").waitForCompletion({ timeout: 60_000, pollInterval: 5 });
    expect(run.status).toBe("succeeded");
    expect(seen).toHaveLength(3);
  });

  it("Date.now stepped back 2 h does not extend the wait: it ends at its timeout (virtual timers)", async () => {
    const clock = new VirtualClock(undefined, { timers: true });
    const { fetch } = cannedFetch(() => (clock.stepWallClock(-7_200_000), jobResponse("job_1", "PROCESSING")));
    const error = await client({ fetch, clock }).ingestJobs.track("job_1").waitForCompletion({ timeout: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunWaitTimeoutError);
    expect(clock.monotonic()).toBeLessThanOrEqual(60_000);
  });

  it("a read that hangs ends at the wait's timeout in virtual time, driven by the clock's timer", async () => {
    const clock = new VirtualClock(undefined, { timers: true });
    const { fetch } = cannedFetch(({ init }) => new Promise<Response>((_r, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason), { once: true })));
    const pending = client({ fetch, clock, timeout: THIRTY_DAYS, retry: { attemptTimeout: THIRTY_DAYS } })
      .ingestJobs.track("job_1").waitForCompletion({ timeout: 60_000 }).catch((e: unknown) => e);
    await new Promise((r) => setImmediate(r));
    clock.advance(60_000);
    expect(await pending).toBeInstanceOf(RunWaitTimeoutError);
    expect(clock.pendingTimers).toBe(0);
  });
});
