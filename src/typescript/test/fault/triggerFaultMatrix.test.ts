import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ResponseDeserializationError,
  ResponseTooLargeError,
  ServiceRequestError,
  ServiceTimeoutError,
  TransportError,
  UnexpectedStatusError,
} from "../../src/index.js";
import { jobBody } from "../support/agentsetJson.js";
import { agentset, KEY, tfyRun, truefoundry } from "../support/clients.js";
import { huge, json, raw, reset, resetMidBody, ScriptedServer, stallBody, stallHeaders } from "../support/scriptedServer.js";
import { serverSaw, timedClock } from "../support/timedFaults.js";

// The C# TriggerFaultMatrixTests: every fault against a trigger (not idempotent) and a read (idempotent), with
// the exact number of requests the server saw.
const TEXT = { payload: { type: "TEXT", text: "hello" } } as const;
const TRIGGER = { applicationId: "app-1", input: { command: "python etl.py" } };

describe("trigger fault matrix (TriggerFaultMatrixTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("429 with Retry-After seconds: the trigger is retried once the wait is over", async () => {
    server.reply(json(429, { statusCode: 429, message: "slow" }, { "retry-after": "1" }), json(200, { jobRunName: "etl-0001", data: tfyRun("etl-0001") }));
    const { client, clock } = truefoundry(server.url);
    const run = await client.jobRuns.start(TRIGGER);
    expect(run.id).toBe("etl-0001");
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("429 without Retry-After: retried with backoff", async () => {
    server.reply(json(429, "slow"), json(429, "slow"), json(200, { jobRunName: "etl-0001" }));
    const { client, clock } = truefoundry(server.url, { retry: { useJitter: false } });
    await client.jobRuns.start(TRIGGER);
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it.each([500, 502, 504])("an ambiguous %i to a trigger is thrown after one request and marked mayHaveBeenProcessed", async (status) => {
    server.otherwise(json(status, { statusCode: status, message: "upstream" }));
    const { client } = truefoundry(server.url);
    const error = (await client.jobRuns.start(TRIGGER).catch((e: unknown) => e)) as ServiceRequestError;
    expect(error.status).toBe(status);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("503 without Retry-After to a trigger is not repeated; with it, it is", async () => {
    server.reply(json(503, "down"));
    const { client } = truefoundry(server.url);
    await expect(client.jobRuns.start(TRIGGER)).rejects.toMatchObject({ status: 503, mayHaveBeenProcessed: true });
    expect(server.requests).toHaveLength(1);
    server.reply(json(503, "down", { "retry-after": "1" }), json(201, { jobRunName: "etl-0002" }));
    expect((await client.jobRuns.start(TRIGGER)).id).toBe("etl-0002");
    expect(server.requests).toHaveLength(3);
  });

  it("an HTML 502 page is still the typed error with the page as raw body", async () => {
    const page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    server.otherwise(raw(502, page, { "content-type": "text/html" }));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as UnexpectedStatusError;
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error.rawBody).toBe(page);
    expect(error.errorCode).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it("a reset before the response is not repeated for a trigger, and is for a read", async () => {
    server.reply(reset);
    const { client } = truefoundry(server.url);
    const error = (await client.jobRuns.start(TRIGGER).catch((e: unknown) => e)) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(server.requests).toHaveLength(1);

    server.reply(reset, json(200, { data: tfyRun("etl-1", "RUNNING") }));
    expect((await client.jobRuns.get("app-1", "etl-1")).status).toBe("RUNNING");
    expect(server.requests).toHaveLength(3);
  });

  it("a reset mid-body is not repeated for a create, and is for a read", async () => {
    server.reply(resetMidBody());
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toContain("while the response body was being read");
    expect(server.requests).toHaveLength(1);

    server.reply(resetMidBody(), json(200, jobBody("job_1")));
    expect((await client.ingestJobs.get("job_1")).id).toBe("job_1");
    expect(server.requests).toHaveLength(3);
  });

  it("a body that stalls ends at the attempt timeout without a repeat for a trigger", async () => {
    server.otherwise(stallBody());
    const clock = timedClock();
    const { client } = truefoundry(server.url, { clock, retry: { attemptTimeout: 150 } });
    const pending = client.jobRuns.start(TRIGGER).catch((e: unknown) => e);
    await serverSaw(server, 1);
    clock.advance(149);
    expect(clock.pendingTimers).toBeGreaterThan(0);
    clock.advance(1);
    const error = (await pending) as ServiceTimeoutError;
    expect(error).toBeInstanceOf(ServiceTimeoutError);
    expect(error).toBeInstanceOf(TransportError);
    expect(error.timeout).toBe(150);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(clock.pendingTimers).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("a read whose body stalls is retried after the attempt timeout", async () => {
    server.reply(stallBody(), json(200, jobBody("job_1")));
    const clock = timedClock();
    const { client } = agentset(server.url, { clock, retry: { attemptTimeout: 150 } });
    const read = client.ingestJobs.get("job_1");
    await serverSaw(server, 1);
    clock.advance(150);
    expect((await read).id).toBe("job_1");
    expect(server.requests).toHaveLength(2);
  });

  it("an answer slower than the overall timeout ends at the timeout", async () => {
    server.otherwise(stallHeaders);
    const clock = timedClock();
    const { client } = agentset(server.url, { clock, timeout: 200 });
    const pending = client.ingestJobs.get("job_1").catch((e: unknown) => e);
    await serverSaw(server, 1);
    clock.advance(200);
    const error = (await pending) as ServiceTimeoutError;
    expect(error).toBeInstanceOf(ServiceTimeoutError);
    expect(error.message).toContain("call timed out after 200 ms");
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ["truncated JSON", '{"success":true,"data":{"id":"job_'],
    ["an HTML page", "<html>oops</html>"],
    ["an empty body", ""],
    ["the wrong shape", '{"success":true,"data":[1,2]}'],
  ])("a 2xx with %s gives a deserialization error naming the operation after one request", async (_name, body) => {
    server.otherwise(raw(200, body, { "content-type": "application/json" }));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as ResponseDeserializationError;
    expect(error).toBeInstanceOf(ResponseDeserializationError);
    expect(error.message).toContain("getIngestJob");
    expect(server.requests).toHaveLength(1);
  });

  it("a huge body is refused, not buffered: declared or chunked", async () => {
    server.reply(huge(50 * 1024 * 1024, true));
    const { client } = agentset(server.url);
    const declared = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as ResponseTooLargeError;
    expect(declared).toBeInstanceOf(ResponseTooLargeError);
    expect(declared.message).toContain("Content-Length 52428800");
    expect(declared.limit).toBe(16 * 1024 * 1024);

    server.reply(huge(4 * 1024 * 1024));
    const { client: small } = agentset(server.url, { maxResponseBytes: 256 * 1024 });
    const streamed = (await small.ingestJobs.get("job_1").catch((e: unknown) => e)) as ResponseTooLargeError;
    expect(streamed).toBeInstanceOf(ResponseTooLargeError);
    expect(streamed.message).toContain("refused while streaming");
    expect(server.requests).toHaveLength(2);
  });

  it("a redirect to another host is not followed, so the credential never leaves", async () => {
    const other = await ScriptedServer.start();
    try {
      server.otherwise(raw(302, "", { location: `${other.url}/steal` }));
      const { client } = agentset(server.url);
      const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as UnexpectedStatusError;
      expect(error).toBeInstanceOf(UnexpectedStatusError);
      expect(error.status).toBe(302);
      expect(other.requests).toHaveLength(0);
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    } finally {
      await other.close();
    }
  });
});
