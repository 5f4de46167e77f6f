import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ServiceTimeoutError, TransportError } from "../../src/index.js";
import { jobBody } from "../support/agentsetJson.js";
import { agentset } from "../support/clients.js";
import { json, ScriptedServer } from "../support/scriptedServer.js";

// Issue 27 (the TypeScript side of the C# issue 25, kind 4): undici's connect timeout (Node's fetch gives up a connection
// after 10 s) means the connection never completed, so not one byte of the request was written: "never sent", retried
// like a refused connection, creates included. Node cannot hold a connect open on loopback for a test (its servers accept
// everything, and undici's connect timeout is not settable through the global fetch), so the first attempts go through
// a transport that fails exactly as undici does — `TypeError("fetch failed")` caused by a ConnectTimeoutError — and the
// rest through the real fetch to the scripted server, which counts what it received.

const TEXT = { payload: { type: "TEXT", text: "hello" } } as const;

/** undici's own shape: fetch rejects with TypeError("fetch failed"), its cause a ConnectTimeoutError. */
function connectTimeout(url: string): TypeError {
  const cause = Object.assign(new Error(`Connect Timeout Error (attempted address: ${new URL(url).host}, timeout: 10000ms)`), {
    name: "ConnectTimeoutError",
    code: "UND_ERR_CONNECT_TIMEOUT",
  });
  return new TypeError("fetch failed", { cause });
}

/** A fetch whose first `failing` calls time out while connecting; the later ones are Node's fetch. */
function connectingFetch(failing: number) {
  const calls: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push(url);
    if (calls.length <= failing) throw connectTimeout(url);
    return globalThis.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe("a connection that never completes was never sent (issue 27)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("a create whose connect timed out is tried again and reaches the service once", async () => {
    server.reply(json(201, jobBody("job_1")));
    const { fetch, calls } = connectingFetch(1);
    const { client, clock } = agentset(server.url, { fetch });

    const job = await client.ingestJobs.create(TEXT);

    expect(job.id).toBe("job_1");
    expect(calls).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toHaveLength(1);
  });

  it("a create that never connects ends as never reached after maxAttempts", async () => {
    const { fetch, calls } = connectingFetch(Infinity);
    const { client } = agentset(server.url, { fetch, retry: { maxAttempts: 2 } });

    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;

    expect(error).toBeInstanceOf(TransportError);
    expect(error).not.toBeInstanceOf(ServiceTimeoutError);
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(error.message).toContain("no connection was established within the connect timeout");
    expect(error.message).toContain("did not reach the service");
    expect(calls).toHaveLength(2);
    expect(server.requests).toHaveLength(0);
  });

  it("a read whose connect timed out is retried and returns the answer", async () => {
    server.reply(json(200, jobBody("job_7", "PROCESSING")));
    const { fetch, calls } = connectingFetch(2);
    const { client } = agentset(server.url, { fetch });

    const job = await client.ingestJobs.get("job_7");

    expect(job.status).toBe("PROCESSING");
    expect(calls).toHaveLength(3);
    expect(server.requests).toHaveLength(1);
  });

  it("the contrast: a reset after sending stays ambiguous and a create is not repeated", async () => {
    server.reply((_req, _res, socket) => socket.destroy());
    const { client } = agentset(server.url);

    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;

    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});
