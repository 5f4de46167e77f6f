import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { AgentsetClient } from "../../../src/index.js";
import { linkSignals } from "../../../src/core/http/signals.js";
import { KEY } from "../../support/clients.js";
import { cannedFetch, dependantsOf, jobResponse } from "../../support/cannedFetch.js";
import { VirtualClock } from "../../support/virtualClock.js";

// Issue 27 §2, "A caller's long-lived signal collects entries": AbortSignal.any per call and per attempt kept 2 dependants
// per finished call on the caller's signal, never pruned (nodejs/node#55351). Nothing attached to it may grow.
function attachedTo(signal: AbortSignal): number {
  return getEventListeners(signal, "abort").length + dependantsOf(signal);
}

describe("a caller's long-lived signal", () => {
  it("1,000 sequential gets with one signal leave nothing attached to it", async () => {
    const { fetch, seen } = cannedFetch(() => jobResponse("job_1", "QUEUED"));
    const client = new AgentsetClient({ baseUrl: "https://api.agentset.test", apiKey: KEY, namespaceId: "ns_1", fetch });
    const controller = new AbortController();
    for (let i = 0; i < 1_000; i++) await client.ingestJobs.get("job_1", { signal: controller.signal });
    (globalThis as { gc?: () => void }).gc?.();
    expect(seen).toHaveLength(1_000);
    expect(attachedTo(controller.signal)).toBe(0);
  });

  it("retried calls (a 503, then 200) with one signal leave nothing attached to it either", async () => {
    const { fetch, seen } = cannedFetch(({ n }) => (n % 2 === 1 ? new Response("busy", { status: 503, headers: { "retry-after": "0" } }) : jobResponse("job_1")));
    const client = new AgentsetClient({ baseUrl: "https://api.agentset.test", apiKey: KEY, namespaceId: "ns_1", fetch, clock: new VirtualClock() });
    const controller = new AbortController();
    for (let i = 0; i < 200; i++) await client.ingestJobs.get("job_1", { signal: controller.signal });
    expect(seen).toHaveLength(400);
    expect(attachedTo(controller.signal)).toBe(0);
  });

  it("200 waits for completion with one signal leave nothing attached to it", async () => {
    const { fetch } = cannedFetch(({ n }) => jobResponse("job_1", n % 2 === 1 ? "PROCESSING" : "COMPLETED"));
    const client = new AgentsetClient({ baseUrl: "https://api.agentset.test", apiKey: KEY, namespaceId: "ns_1", fetch, clock: new VirtualClock() });
    const controller = new AbortController();
    for (let i = 0; i < 200; i++) await client.ingestJobs.track("job_1").waitForCompletion({ signal: controller.signal });
    expect(attachedTo(controller.signal)).toBe(0);
  });

  it("a failed call (404) leaves nothing attached", async () => {
    const { fetch } = cannedFetch(() => new Response(JSON.stringify({ success: false, error: { code: "not_found", message: "no" } }), { status: 404 }));
    const client = new AgentsetClient({ baseUrl: "https://api.agentset.test", apiKey: KEY, namespaceId: "ns_1", fetch });
    const controller = new AbortController();
    for (let i = 0; i < 50; i++) await client.ingestJobs.get("job_1", { signal: controller.signal }).catch(() => undefined);
    expect(attachedTo(controller.signal)).toBe(0);
  });

  it("still aborts a call in flight, with the caller's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const { fetch } = cannedFetch(({ init }) => {
      controller.abort(reason);
      return Promise.reject(init?.signal?.reason);
    });
    const client = new AgentsetClient({ baseUrl: "https://api.agentset.test", apiKey: KEY, namespaceId: "ns_1", fetch });
    await expect(client.ingestJobs.get("job_1", { signal: controller.signal })).rejects.toBe(reason);
  });
});

describe("linkSignals", () => {
  it("follows a parent's abort, its reason, and removes its listener from every parent", () => {
    const a = new AbortController();
    const b = new AbortController();
    const linked = linkSignals(a.signal, undefined, b.signal);
    expect(getEventListeners(a.signal, "abort")).toHaveLength(1);
    a.abort("why");
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe("why");
    expect(getEventListeners(b.signal, "abort")).toHaveLength(0);
  });

  it("is aborted at once by a parent already aborted, and attaches nothing", () => {
    const a = new AbortController();
    a.abort("early");
    const b = new AbortController();
    const linked = linkSignals(b.signal, a.signal);
    expect(linked.signal.reason).toBe("early");
    expect(getEventListeners(b.signal, "abort")).toHaveLength(0);
  });

  it("dispose() detaches; its own abort() does not abort the parent", () => {
    const a = new AbortController();
    const linked = linkSignals(a.signal);
    linked.abort("own");
    expect(a.signal.aborted).toBe(false);
    expect(getEventListeners(a.signal, "abort")).toHaveLength(0);
    const other = linkSignals(a.signal);
    other.dispose();
    a.abort();
    expect(other.signal.aborted).toBe(false);
  });
});
