import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { AgentsetClient } from "../src/index.js";
import { jobBody, page } from "../test/support/agentsetJson.js";

// Per-call cost of the SDK against a bare fetch to the same loopback server, in one run (ratios, not absolute
// times: `npm run bench`). The server answers from memory so the transport is the same for both.
const one = JSON.stringify(jobBody("job_1", "PROCESSING"));
const hundred = JSON.stringify(page(Array.from({ length: 100 }, (_, i) => `job_${i}`), null));
let server: http.Server;
let base = "";
let client: AgentsetClient;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(req.url?.includes("/ingest-jobs/") ? one : hundred);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new AgentsetClient({ baseUrl: base, apiKey: "sk_bench_0123456789", namespaceId: "ns_1" });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options = { time: 1500, warmupTime: 300 };

describe("get one ingest job", () => {
  bench("bare fetch + json()", async () => {
    const res = await fetch(`${base}/v1/namespace/ns_1/ingest-jobs/job_1`, { headers: { authorization: "Bearer sk_bench_0123456789" } });
    await res.json();
  }, options);
  bench("AgentsetClient.ingestJobs.get", async () => {
    await client.ingestJobs.get("job_1");
  }, options);
});

describe("list one 100-item page", () => {
  bench("bare fetch + json()", async () => {
    const res = await fetch(`${base}/v1/namespace/ns_1/ingest-jobs?perPage=100`, { headers: { authorization: "Bearer sk_bench_0123456789" } });
    await res.json();
  }, options);
  bench("AgentsetClient.ingestJobs.list (first page)", async () => {
    for await (const _page of client.ingestJobs.list({ pageSize: 100 }).byPage()) break;
  }, options);
});
