import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AstroTriggersError, TokenRefreshError, TransportError, UnauthorizedError } from "../../../src/index.js";
import { jobBody } from "../../support/agentsetJson.js";
import { agentset } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";

// Issue 27 §1 (as C#'s TokenRefreshException): a token provider that throws is its own error — not a TransportError
// that "may have reached the service" — with the provider's error as its cause, never retried, never processed.
describe("a throwing token provider gives TokenRefreshError", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("asked for the first token: nothing is sent, status 0, not processed, not retried", async () => {
    const failure = new Error("vault unreachable");
    let asked = 0;
    const { client } = agentset(server.url, {
      apiKey: undefined,
      tokenProvider: () => {
        asked++;
        throw failure;
      },
    });
    const error = (await client.ingestJobs.create({ payload: { type: "TEXT", text: "hello" } }).catch((e: unknown) => e)) as TokenRefreshError;
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect(error).toBeInstanceOf(AstroTriggersError);
    expect(error).not.toBeInstanceOf(TransportError);
    expect([error.status, error.mayHaveBeenProcessed, error.cause]).toEqual([0, false, failure]);
    expect([error.service, error.operationId]).toEqual(["Agentset", "createIngestJob"]);
    expect(error.message).toMatch(/token provider threw Error while supplying a token; the request was not sent/);
    expect(asked).toBe(1);
    expect(server.requests).toHaveLength(0);
  });

  it("asked to refresh after a 401: status 401, the request is not repeated, not processed", async () => {
    server.reply(json(401, { success: false, error: { code: "unauthorized", message: "expired" } }), json(200, jobBody("job_1")));
    const calls: boolean[] = [];
    const { client } = agentset(server.url, {
      apiKey: undefined,
      tokenProvider: async (forceRefresh) => {
        calls.push(forceRefresh);
        if (forceRefresh) throw new TypeError("refresh endpoint down");
        return "tok_first_0123456789";
      },
    });
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as TokenRefreshError;
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect(error).not.toBeInstanceOf(UnauthorizedError);
    expect([error.status, error.mayHaveBeenProcessed]).toEqual([401, false]);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/rejected the credential \(401\) and the token provider threw TypeError while refreshing it/);
    expect(calls).toEqual([false, true]);
    expect(server.requests).toHaveLength(1);
  });

  it("a caller's abort while the provider runs stays the caller's abort", async () => {
    const controller = new AbortController();
    const { client } = agentset(server.url, {
      apiKey: undefined,
      tokenProvider: (_force, signal) =>
        new Promise<string>((_resolve, reject) => {
          signal.addEventListener("abort", () => reject(signal.reason));
          controller.abort();
        }),
    });
    const error = await client.ingestJobs.get("job_1", { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(TokenRefreshError);
    expect((error as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(0);
  });
});
