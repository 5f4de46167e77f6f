import { describe, expect, it } from "vitest";
import { ConflictError, InternalServerError, NotFoundError, RunFailedError, UnsupportedOperationError } from "../../src/index.js";
import { admin, agentsetClient, fakes, quickWait, recordingClock, recordingFetch, trueFoundryClient } from "./fakes.js";

// Only this file talks to the Agentset fake, so its faults cannot be taken by another file's requests.
describe.skipIf(!fakes)("Agentset against astro-triggers fakes (AgentsetFakeTests)", () => {
  it("resume anywhere: a started job's token resumes from a fresh client and waits to the end", async () => {
    const run = await agentsetClient().ingestJobs.start({ payload: { type: "TEXT", text: "Resume me" } });
    const token = run.resumeToken!;
    expect(token).toMatch(/^atr1\.[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token.slice(5), "base64url").toString()).not.toContain(fakes!.services.agentset.apiKey);
    const resumed = agentsetClient().resumeRun(token);
    expect([resumed.id, resumed.resumeToken]).toEqual([run.id, token]);
    const done = await resumed.waitForCompletion(quickWait);
    expect(done.status).toBe("succeeded");
    expect(() => trueFoundryClient().resumeRun(token)).toThrow(expect.objectContaining({ argument: "token" }));
  });

  it("start → wait → get → list → track: a job goes QUEUED … COMPLETED and is listed with real cursors", async () => {
    const client = agentsetClient();
    const run = await client.ingestJobs.start({ payload: { type: "TEXT", text: "Hello" }, externalId: "doc-42", name: "hello" });
    expect(run.id).toMatch(/^job_/);
    expect(run.status).toBe("queued");
    expect(run.value?.status).toBe("QUEUED");
    const seen = new Set<string>();
    const done = await run.waitForCompletion({ ...quickWait, onProgress: (s) => seen.add(s.rawStatus ?? "-") });
    expect(done).toBe(run);
    expect([done.status, done.rawStatus, done.value.status, done.value.externalId]).toEqual(["succeeded", "COMPLETED", "COMPLETED", "doc-42"]);
    expect(seen.has("COMPLETED")).toBe(true);

    const read = await client.ingestJobs.get(run.id);
    expect([read.id, read.status, read.name]).toEqual([run.id, "COMPLETED", "hello"]);

    const completed = await client.ingestJobs.list({ statuses: ["COMPLETED"] }).toArray();
    expect(completed.map((j) => j.id)).toContain(run.id);
    expect(completed.every((j) => j.status === "COMPLETED")).toBe(true);

    // A second job, then pages of one: the cursor of the first page leads to the second, and back.
    await client.ingestJobs.create({ payload: { type: "TEXT", text: "Second" } });
    const pages = client.ingestJobs.list({ pageSize: 1 }).byPage();
    const first = (await pages.next()).value!;
    expect(first.items).toHaveLength(1);
    expect(first.hasMore).toBe(true);
    const second = (await client.ingestJobs.list().byPage({ continuationToken: first.continuationToken!, pageSize: 1 }).next()).value!;
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    const back = (await client.ingestJobs.list({ direction: "backward" }).byPage({ continuationToken: second.previousToken!, pageSize: 1 }).next()).value!;
    expect(back.items.map((j) => j.id)).toEqual(first.items.map((j) => j.id));

    const tracked = client.ingestJobs.track(run.id);
    expect(tracked.status).toBe("unknown");
    expect(await tracked.updateStatus()).toBe("succeeded");
    expect(tracked.canCancel).toBe(false);
    await expect(tracked.cancel()).rejects.toBeInstanceOf(UnsupportedOperationError);
  });

  it("reIngest only a finished job (the fake's 409 before), delete it, and it is gone (404)", async () => {
    const client = agentsetClient();
    const job = await client.ingestJobs.create({ payload: { type: "TEXT", text: "Again" } });
    const early = (await client.ingestJobs.reIngest(job.id).catch((e: unknown) => e)) as ConflictError;
    expect(early).toBeInstanceOf(ConflictError);
    expect([early.status, early.errorCode, early.mayHaveBeenProcessed]).toEqual([409, "conflict", false]);

    await client.ingestJobs.track(job).waitForCompletion(quickWait);
    expect(await client.ingestJobs.reIngest(job.id)).toBe(job.id);
    const again = client.ingestJobs.track(job.id);
    expect(await again.updateStatus()).toBe("queued");
    expect(again.rawStatus).toBe("QUEUED_FOR_RESYNC");
    await again.waitForCompletion(quickWait);

    const deleting = await client.ingestJobs.delete(job.id);
    expect(deleting?.status).toBe("QUEUED_FOR_DELETE");
    await expect(client.ingestJobs.delete(job.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(client.ingestJobs.track(job.id).waitForCompletion(quickWait)).rejects.toBeInstanceOf(NotFoundError);
    const missing = (await client.ingestJobs.get(job.id).catch((e: unknown) => e)) as NotFoundError;
    expect([missing.status, missing.errorCode]).toEqual([404, "not_found"]);
  });

  it("a tenant's job is not visible without the tenant", async () => {
    const client = agentsetClient();
    const job = await client.ingestJobs.create({ payload: { type: "TEXT", text: "Tenant" } }, { tenantId: "acme" });
    expect((await client.ingestJobs.get(job.id, { tenantId: "acme" })).id).toBe(job.id);
    await expect(client.ingestJobs.get(job.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await client.ingestJobs.list().toArray()).map((j) => j.id)).not.toContain(job.id);
  });

  it("a job the fake fails (admin /fail-next) ends the wait with RunFailedError and the service's error text", async () => {
    await admin("POST", "/fail-next", { service: "agentset", count: 1, error: "parse failed: scanned PDF" });
    const run = await agentsetClient().ingestJobs.start({ payload: { type: "TEXT", text: "Doomed" } });
    const error = (await run.waitForCompletion(quickWait).catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect([run.status, run.rawStatus, run.errorMessage]).toEqual(["failed", "FAILED", "parse failed: scanned PDF"]);
  });

  it("fault: a create answered 429 with Retry-After (admin /faults) is retried once after the wait, and creates one job", async () => {
    const { fetch, seen } = recordingFetch();
    const clock = recordingClock();
    const client = agentsetClient({ fetch, clock });
    expect(await admin("POST", "/faults", { service: "agentset", kind: "rate-limit", count: 1, retryAfterMs: 400 })).toMatchObject({ pending: 1 });
    const job = await client.ingestJobs.create({ payload: { type: "TEXT", text: "Rate limited" }, externalId: "rl-1" });
    expect(seen.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 429", "POST 201"]);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(0);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(2_000);
    expect(await admin("DELETE", "/faults?service=agentset")).toMatchObject({ pending: 0 });
    const created = (await client.ingestJobs.list().toArray()).filter((j) => j.externalId === "rl-1");
    expect(created.map((j) => j.id)).toEqual([job.id]);
  });

  it("fault: a create answered 500 is sent once and marked mayHaveBeenProcessed; a get whose connection drops is retried", async () => {
    const { fetch, seen } = recordingFetch();
    const client = agentsetClient({ fetch, clock: recordingClock(), retry: { baseDelay: 10, maxDelay: 50 } });
    await admin("POST", "/faults", { service: "agentset", kind: "server-error", count: 1, status: 500 });
    const error = (await client.ingestJobs.create({ payload: { type: "TEXT", text: "Ambiguous" } }).catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(seen.map((r) => `${r.method} ${r.status}`)).toEqual(["POST 500"]);

    const job = await client.ingestJobs.create({ payload: { type: "TEXT", text: "Fine" } });
    await admin("POST", "/faults", { service: "agentset", kind: "drop-connection", count: 2 });
    expect((await client.ingestJobs.get(job.id)).id).toBe(job.id);
    expect(seen.slice(2).map((r) => `${r.method} ${r.status}`)).toEqual(["GET 0", "GET 0", "GET 200"]);
  });
});
