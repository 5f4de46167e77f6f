import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, NotFoundError, RunFailedError, RunWaitTimeoutError, UnsupportedOperationError } from "../../../src/index.js";
import { jobBody } from "../../support/agentsetJson.js";
import { agentset } from "../../support/clients.js";
import { json, type Reply, ScriptedServer } from "../../support/scriptedServer.js";

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

  it("by default waits 1 s for 10 s, then a tenth of the time waited (whole ms), as the .NET RunWaitOptions", async () => {
    server.reply(...Array.from({ length: 18 }, () => json(200, jobBody("job_1", "PROCESSING"))), json(200, jobBody("job_1", "COMPLETED")));
    const { client, clock } = agentset(server.url);
    await client.ingestJobs.track("job_1").waitForCompletion();
    expect(clock.sleeps).toEqual([...Array.from({ length: 11 }, () => 1000), 1100, 1210, 1331, 1464, 1610, 1771, 1948]);
    expect(server.requests).toHaveLength(19);
  });

  it("by default a run ending after 10 s is read again within a tenth of the time waited, and at least once a minute", async () => {
    server.otherwise(json(200, jobBody("job_1", "PROCESSING")));
    const { client, clock } = agentset(server.url);
    await client.ingestJobs.track("job_1").waitForCompletion({ timeout: 2 * 3_600_000 }).catch(() => undefined);
    let t = 0;
    for (const sleep of clock.sleeps) {
      // A run that ended just after the read at t is seen at t + sleep: late by at most 10% of its length (>= t).
      if (t >= 10_000) expect(sleep).toBeLessThanOrEqual(0.1 * t);
      expect(sleep).toBeLessThanOrEqual(60_000);
      t += sleep;
    }
    expect(clock.sleeps.filter((s) => s === 60_000).length).toBeGreaterThan(100);
    // 163 reads on the schedule; the wait after the last would end past the 2 h timeout, so it is cut to the time left
    // and a 164th read comes at the deadline itself.
    expect(clock.sleeps.length).toBe(163);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(2 * 3_600_000);
    expect(server.requests).toHaveLength(164);
  });

  it("ratio 0 keeps the geometric schedule of pollInterval and backoffFactor (the old defaults: 2 s ×1.5 up to 30 s)", async () => {
    server.reply(...Array.from({ length: 7 }, () => json(200, jobBody("job_1", "PROCESSING"))), json(200, jobBody("job_1", "COMPLETED")));
    const { client, clock } = agentset(server.url);
    await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 2000, backoffFactor: 1.5, maxPollInterval: 30_000, pollIntervalRatio: 0 });
    expect(clock.sleeps).toEqual([2000, 3000, 4500, 6750, 10125, 15187, 22780]);
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

  it("a run that never ends times out after a last read at the deadline; the run is not stopped", async () => {
    server.otherwise(json(200, jobBody("job_1", "PROCESSING")));
    const { client, clock } = agentset(server.url);
    const error = (await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1000, backoffFactor: 1, timeout: 3500 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
    expect(error).toBeInstanceOf(RunWaitTimeoutError);
    // Reads at 0, 1, 2, 3 s; the wait after the last would end at 4 s, so it is cut to 500 ms: a fifth read at 3.5 s.
    expect(error.polls).toBe(5);
    expect(error.timeout).toBe(3500);
    expect(error.run.status).toBe("running");
    expect(clock.sleeps).toEqual([1000, 1000, 1000, 500]);
    expect(clock.monotonic()).toBe(3500);
    expect(server.requests).toHaveLength(5);
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
    await expect(run.waitForCompletion({ pollIntervalRatio: -0.1 })).rejects.toThrow(/'pollIntervalRatio' must be between 0 and 10/);
    await expect(run.waitForCompletion({ pollIntervalRatio: Number.NaN })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(run.canCancel).toBe(false);
    await expect(run.cancel()).rejects.toThrow(UnsupportedOperationError);
    await expect(run.cancel()).rejects.toThrow(/ingestJobs\.delete/);
    expect(server.requests).toHaveLength(0);
  });

  describe("the timeout kept to the letter (conformance poll-schedule, scenarios/runs.json)", () => {
    /** Answers the job's status by the virtual time of the read, and records that time. */
    function endsAt(clock: { monotonic(): number }, end: number, reads: number[], status = "COMPLETED"): Reply {
      return (_req, res) => {
        reads.push(clock.monotonic());
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(jobBody("job_1", clock.monotonic() >= end ? status : "PROCESSING")));
      };
    }

    it("a timeout shorter than the poll interval reads at 0 and at the deadline, not a poll interval later", async () => {
      const { client, clock } = agentset(server.url);
      const reads: number[] = [];
      server.otherwise(endsAt(clock, Number.POSITIVE_INFINITY, reads));
      const error = (await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 30_000, timeout: 2_000 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
      expect(error).toBeInstanceOf(RunWaitTimeoutError);
      expect(reads).toEqual([0, 2_000]);
      expect(clock.sleeps).toEqual([2_000]);
      expect(error.polls).toBe(2);
      expect(error.timeout).toBe(2_000);
      expect(error.mayHaveBeenProcessed).toBe(true);
    });

    it("a run that ended at 1.5 s of a 2 s wait is returned by the read at the deadline, not a timeout", async () => {
      const { client, clock } = agentset(server.url);
      const reads: number[] = [];
      server.otherwise(endsAt(clock, 1_500, reads));
      const run = await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 2_000 });
      expect(run.status).toBe("succeeded");
      expect(reads).toEqual([0, 1_000, 2_000]);
    });

    it("a run that failed before the deadline read throws RunFailedError, not the timeout", async () => {
      const { client, clock } = agentset(server.url);
      const reads: number[] = [];
      server.otherwise(endsAt(clock, 1_500, reads, "FAILED"));
      await expect(client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 2_000 })).rejects.toBeInstanceOf(RunFailedError);
      expect(reads).toEqual([0, 1_000, 2_000]);
    });

    it("a timeout at an exact poll time reads at it once, and only then times out", async () => {
      const { client, clock } = agentset(server.url);
      const reads: number[] = [];
      server.otherwise(endsAt(clock, Number.POSITIVE_INFINITY, reads));
      const error = (await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 3_000 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
      expect(error).toBeInstanceOf(RunWaitTimeoutError);
      expect(reads).toEqual([0, 1_000, 2_000, 3_000]);
      expect(error.polls).toBe(4);
    });

    it("a Retry-After longer than the time left is cut to it: one read at the deadline", async () => {
      server.reply(json(429, "slow", { "retry-after": "600" }), json(200, jobBody("job_1", "COMPLETED")));
      const { client, clock } = agentset(server.url, { retry: { maxAttempts: 1 } });
      const run = await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1_000, timeout: 60_000 });
      expect(run.status).toBe("succeeded");
      expect(clock.sleeps).toEqual([60_000]);
      expect(server.requests).toHaveLength(2);
    });

    it("still throttled at the deadline read: the timeout, with the reads that answered", async () => {
      server.otherwise(json(429, "slow", { "retry-after": "600" }));
      const { client, clock } = agentset(server.url, { retry: { maxAttempts: 1 } });
      const error = (await client.ingestJobs.track("job_1").waitForCompletion({ timeout: 60_000 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
      expect(error).toBeInstanceOf(RunWaitTimeoutError);
      expect(error.polls).toBe(0);
      expect(clock.sleeps).toEqual([60_000]);
      expect(server.requests).toHaveLength(2);
    });

    it("a timeout of zero is refused before any read", async () => {
      const { client } = agentset(server.url);
      await expect(client.ingestJobs.track("job_1").waitForCompletion({ timeout: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
      expect(server.requests).toHaveLength(0);
    });

    it("an abort while sleeping towards the deadline read is the abort, not a timeout", async () => {
      server.otherwise(json(200, jobBody("job_1", "PROCESSING")));
      const { client } = agentset(server.url);
      const controller = new AbortController();
      const error = await client.ingestJobs.track("job_1")
        .waitForCompletion({ pollInterval: 30_000, timeout: 2_000, signal: controller.signal, onProgress: () => controller.abort() })
        .catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(RunWaitTimeoutError);
      expect((error as Error).name).toBe("AbortError");
      expect(server.requests).toHaveLength(1);
    });
  });
});
