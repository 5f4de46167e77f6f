// Interleaved A/B driver for the per-call CPU bench (issue 27 §3; docs/benchmarks.md, TypeScript), steadier than one
// vitest run on a shared machine: each round runs a loop of bare fetch + JSON.parse, then the SDK, then Agentset's own
// SDK (the order rotated every round), measuring the process's CPU time (process.cpuUsage) of each loop, and a round's
// ratio is that variant's CPU over bare's in the same round; the median and range of the rounds' ratios are printed.
// Same canned answers and same in-memory fetch as bench/perCall.bench.ts. Runs over the built package:
//   npm run build && node bench/interleaved.mjs [rounds=11] [calls=10000]
// `node --cpu-prof bench/interleaved.mjs 3` writes a profile of the same loops.
import { Agentset } from "agentset";
import { AgentsetClient } from "../dist/index.js";

const rounds = Number(process.argv[2] ?? 11);
const calls = Number(process.argv[3] ?? 10_000);
const pageCalls = Math.max(1, Math.round(calls / 8));

const KEY = "sk_bench_0123456789";
const BASE = "https://api.agentset.ai";
const job = (id, status) => ({
  id, name: null, namespaceId: "ns_1", tenantId: null, externalId: null, status, error: null,
  payload: { type: "TEXT", text: "hi" }, config: null, createdAt: "2026-11-30T10:00:00.000Z",
  queuedAt: null, preProcessingAt: null, processingAt: null, completedAt: null, failedAt: null,
});
const one = JSON.stringify({ success: true, data: job("job_1", "PROCESSING") });
const created = JSON.stringify({ success: true, data: job("job_1", "QUEUED") });
const hundred = JSON.stringify({
  success: true,
  data: Array.from({ length: 100 }, (_, i) => job(`job_${i}`, "QUEUED")),
  pagination: { nextCursor: "cursor_2", prevCursor: null, hasMore: true },
});
// As bench/perCall.bench.ts: Agentset's rate-limit headers on every answer (reset and Retry-After in Unix ms).
const reset = String(Date.now() + 3_600_000);
const headersOf = (text) => ({
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
const canned = async (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const method = init?.method ?? (input instanceof Request ? input.method : "GET");
  const answer = method === "POST" ? answers.create : url.includes("/ingest-jobs/") ? answers.get : answers.page;
  return new Response(answer.text, answer.init);
};

const sdk = new AgentsetClient({ baseUrl: BASE, apiKey: KEY, namespaceId: "ns_1", fetch: canned });
const agentset = new Agentset({ apiKey: KEY, baseUrl: BASE, fetcher: canned }).namespace("ns_1");
const payload = { payload: { type: "TEXT", text: "hello" } };
const json = { "content-type": "application/json", authorization: `Bearer ${KEY}` };

const cases = {
  get: {
    n: calls,
    bare: async () => {
      const res = await canned(`${BASE}/v1/namespace/ns_1/ingest-jobs/job_1`, { headers: { authorization: `Bearer ${KEY}` } });
      JSON.parse(await res.text());
    },
    sdk: () => sdk.ingestJobs.get("job_1"),
    agentset: () => agentset.ingestion.get("job_1"),
  },
  create: {
    n: calls,
    bare: async () => {
      const res = await canned(`${BASE}/v1/namespace/ns_1/ingest-jobs`, { method: "POST", headers: json, body: JSON.stringify(payload) });
      JSON.parse(await res.text());
    },
    sdk: () => sdk.ingestJobs.create(payload),
    agentset: () => agentset.ingestion.create(payload),
  },
  page: {
    n: pageCalls,
    bare: async () => {
      const res = await canned(`${BASE}/v1/namespace/ns_1/ingest-jobs?perPage=100`, { headers: { authorization: `Bearer ${KEY}` } });
      JSON.parse(await res.text());
    },
    sdk: async () => {
      for await (const _page of sdk.ingestJobs.list({ pageSize: 100 }).byPage()) break;
    },
    agentset: () => agentset.ingestion.all({ perPage: 100 }),
  },
};
const variants = ["bare", "sdk", "agentset"];

async function cpuOf(fn, n) {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Warm-up: every variant of every case, so the JIT has settled before the first measured round.
for (const c of Object.values(cases)) for (const v of variants) await cpuOf(c[v], Math.max(200, c.n / 5));

const ratios = Object.fromEntries(Object.keys(cases).map((k) => [k, { sdk: [], agentset: [], bareUs: [] }]));
for (let r = 0; r < rounds; r++) {
  for (const [name, c] of Object.entries(cases)) {
    const order = variants.map((_, i) => variants[(i + r) % variants.length]);
    const cpu = {};
    for (const v of order) cpu[v] = await cpuOf(c[v], c.n);
    ratios[name].sdk.push(cpu.sdk / cpu.bare);
    ratios[name].agentset.push(cpu.agentset / cpu.bare);
    ratios[name].bareUs.push(cpu.bare / c.n);
  }
}

const fmt = (x) => x.toFixed(2);
console.log(`node ${process.version}, ${rounds} rounds, ${calls} gets/creates and ${pageCalls} pages per variant per round (CPU time)`);
for (const [name, r] of Object.entries(ratios)) {
  console.log(
    `${name.padEnd(7)} SDK ${fmt(median(r.sdk))}× (${fmt(Math.min(...r.sdk))}–${fmt(Math.max(...r.sdk))})` +
      `   agentset ${fmt(median(r.agentset))}× (${fmt(Math.min(...r.agentset))}–${fmt(Math.max(...r.agentset))})` +
      `   bare ${median(r.bareUs).toFixed(1)} µs/call`,
  );
}
