import { Agentset } from "agentset";
import createClient from "openapi-fetch";
import { bench, describe } from "vitest";
import type { paths } from "../src/generated/agentset.js";
import { AgentsetClient } from "../src/index.js";
import { jobBody, page } from "../test/support/agentsetJson.js";

// Per-call CPU of the client's own work (issue 27 §3): every variant is handed the same `fetch`, which answers from
// memory with a Response built from the same canned bytes and headers, so no network hides what a client adds. Ratios
// are to "bare fetch + JSON.parse" of the same group in the same run (`npm run bench`; docs/benchmarks.md, TypeScript).
// Targets: ≤ 1.25× for a get and a create, ≤ 1.1× for a 100-item page.

const KEY = "sk_bench_0123456789";
const BASE = "https://api.agentset.ai";
const one = JSON.stringify(jobBody("job_1", "PROCESSING"));
const created = JSON.stringify(jobBody("job_1", "QUEUED"));
const hundred = JSON.stringify(page(Array.from({ length: 100 }, (_, i) => `job_${i}`), "cursor_2"));
// What Agentset sends on every answer (openapi/README.md, "Rate-limit headers"): its rate-limit headers, with
// the reset and Retry-After as a Unix moment in ms. The SDK paces on them, so it pays here what a user pays; the reset
// is an hour ahead so no run crosses it.
const reset = String(Date.now() + 3_600_000);
const headersOf = (text: string) => ({
  "content-type": "application/json",
  "content-length": String(Buffer.byteLength(text)),
  "retry-after": reset,
  "x-ratelimit-limit": "1000",
  "x-ratelimit-remaining": "999",
  "x-ratelimit-reset": reset,
});
const answers = {
  get: { text: one, init: { status: 200, headers: headersOf(one) } },
  create: { text: created, init: { status: 201, headers: headersOf(created) } },
  page: { text: hundred, init: { status: 200, headers: headersOf(hundred) } },
};

/** The one transport of every variant: the canned answer for the request's method and path, a new Response each call. */
const canned = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const method = init?.method ?? (input instanceof Request ? input.method : "GET");
  const answer = method === "POST" ? answers.create : url.includes("/ingest-jobs/") ? answers.get : answers.page;
  return new Response(answer.text, answer.init);
}) as typeof globalThis.fetch;

const sdk = new AgentsetClient({ baseUrl: BASE, apiKey: KEY, namespaceId: "ns_1", fetch: canned });
const openapi = createClient<paths>({ baseUrl: BASE, fetch: canned, headers: { authorization: `Bearer ${KEY}` } });
const agentset = new Agentset({ apiKey: KEY, baseUrl: BASE, fetcher: canned }).namespace("ns_1");
const payload = { payload: { type: "TEXT", text: "hello" } } as const;
const json = { "content-type": "application/json", authorization: `Bearer ${KEY}` };

const options = { time: 1500, warmupTime: 300 };

describe("get one ingest job", () => {
  bench("bare fetch + JSON.parse", async () => {
    const res = await canned(`${BASE}/v1/namespace/ns_1/ingest-jobs/job_1`, { headers: { authorization: `Bearer ${KEY}` } });
    JSON.parse(await res.text());
  }, options);
  bench("AstroTriggers SDK", async () => {
    await sdk.ingestJobs.get("job_1");
  }, options);
  bench("openapi-fetch alone", async () => {
    await openapi.GET("/v1/namespace/{namespaceId}/ingest-jobs/{jobId}", { params: { path: { namespaceId: "ns_1", jobId: "job_1" } } });
  }, options);
  bench("Agentset's own SDK (agentset 1.9.1)", async () => {
    await agentset.ingestion.get("job_1");
  }, options);
});

describe("create an ingest job", () => {
  bench("bare fetch + JSON.parse", async () => {
    const res = await canned(`${BASE}/v1/namespace/ns_1/ingest-jobs`, { method: "POST", headers: json, body: JSON.stringify(payload) });
    JSON.parse(await res.text());
  }, options);
  bench("AstroTriggers SDK", async () => {
    await sdk.ingestJobs.create(payload);
  }, options);
  bench("openapi-fetch alone", async () => {
    await openapi.POST("/v1/namespace/{namespaceId}/ingest-jobs", { params: { path: { namespaceId: "ns_1" } }, body: payload });
  }, options);
  bench("Agentset's own SDK (agentset 1.9.1)", async () => {
    await agentset.ingestion.create(payload);
  }, options);
});

describe("list one 100-item page", () => {
  bench("bare fetch + JSON.parse", async () => {
    const res = await canned(`${BASE}/v1/namespace/ns_1/ingest-jobs?perPage=100`, { headers: { authorization: `Bearer ${KEY}` } });
    JSON.parse(await res.text());
  }, options);
  bench("AstroTriggers SDK", async () => {
    for await (const _page of sdk.ingestJobs.list({ pageSize: 100 }).byPage()) break;
  }, options);
  bench("openapi-fetch alone", async () => {
    await openapi.GET("/v1/namespace/{namespaceId}/ingest-jobs", { params: { path: { namespaceId: "ns_1" }, query: { perPage: 100 } } });
  }, options);
  bench("Agentset's own SDK (agentset 1.9.1)", async () => {
    await agentset.ingestion.all({ perPage: 100 });
  }, options);
});
