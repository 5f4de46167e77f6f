import http from "node:http";
import net from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TransportError } from "../../../src/index.js";
import { createNodeTransport } from "../../../src/core/http/transport/nodeTransport.js";
import { jobBody } from "../../support/agentsetJson.js";
import { agentset } from "../../support/clients.js";
import { json, ScriptedServer, stallBody } from "../../support/scriptedServer.js";

// The SDK's default transport (issue 27 §2) on node:http: what the call runner needs from it beyond decoding
// (test/fault/compressedTruncation.test.ts): a connection that never completes is "never sent", a caller's abort ends
// the body read, keep-alive reuses the connection, and nothing stays attached to the signal.

describe("the SDK's node:http transport", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("is the default: a client without `fetch` sends through it (keep-alive: two calls, one connection)", async () => {
    server.reply(json(200, jobBody("job_1")), json(200, jobBody("job_1")));
    const { client } = agentset(server.url);
    await client.ingestJobs.get("job_1");
    await client.ingestJobs.get("job_1");
    expect(server.requests).toHaveLength(2);
    expect(server.requests.every((r) => r.headers["user-agent"]?.startsWith("astro-triggers-sdk-js/"))).toBe(true);
    expect(server.requests[1]!.headers.connection).toBe("keep-alive");
  });

  it("a connect that does not complete within connectTimeout is never sent: a create is retried and fails as not processed", async () => {
    // An agent whose sockets never connect (a full accept queue, as the input, without holding a real one).
    const agent = new http.Agent();
    (agent as unknown as { createConnection: () => net.Socket }).createConnection = () => {
      const socket = new net.Socket();
      Object.defineProperty(socket, "connecting", { value: true });
      return socket;
    };
    const fetch = createNodeTransport({ connectTimeout: 20, httpAgent: agent });
    const { client } = agentset(server.url, { fetch, retry: { maxAttempts: 2 } });

    const error = (await client.ingestJobs.create({ payload: { type: "TEXT", text: "hello" } }).catch((e: unknown) => e)) as TransportError;

    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(error.message).toContain("no connection was established within the connect timeout");
    expect(server.requests).toHaveLength(0);
  });

  it("a caller's abort while the body stalls ends the call with the caller's reason, one request", async () => {
    server.reply(stallBody());
    const { client } = agentset(server.url);
    const controller = new AbortController();
    const reason = new Error("caller gave up");

    const pending = client.ingestJobs.get("job_1", { signal: controller.signal }).catch((e: unknown) => e);
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort(reason);

    expect(await pending).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it("a refused connection is never sent", async () => {
    const closed = await new Promise<string>((resolve) => {
      const probe = http.createServer().listen(0, "127.0.0.1", () => {
        const port = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(`http://127.0.0.1:${port}`));
      });
    });
    const { client } = agentset(closed, { retry: { maxAttempts: 1 } });

    const error = (await client.ingestJobs.create({ payload: { type: "TEXT", text: "hello" } }).catch((e: unknown) => e)) as TransportError;

    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(false);
  });
});
