import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResponseDeserializationError, ResponseTooLargeError } from "../../../src/index.js";
import { agentset } from "../../support/clients.js";
import { huge, raw, ScriptedServer } from "../../support/scriptedServer.js";

// Issue 27 §1 (as C#'s ResponseDeserializationException / ResponseTooLargeException): a 2xx whose body cannot be
// read, or is too large, was still acted on by the service, so mayHaveBeenProcessed is true, the status is the one
// received, and a too-large body is a kind of deserialization error that says the declared length.
describe("unreadable and too-large success bodies may have been processed", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("the classes: always mayHaveBeenProcessed, a too-large body is a deserialization error with its declared length", () => {
    const details = { service: "Agentset", operationId: "getIngestJob", status: 200, mayHaveBeenProcessed: false };
    expect(new ResponseDeserializationError("x", details).mayHaveBeenProcessed).toBe(true);
    const declared = new ResponseTooLargeError(4096, 10_000, details);
    expect(declared).toBeInstanceOf(ResponseDeserializationError);
    expect([declared.mayHaveBeenProcessed, declared.maxResponseBytes, declared.declaredLength]).toEqual([true, 4096, 10_000]);
    expect(new ResponseTooLargeError(4096, undefined, details).declaredLength).toBeUndefined();
  });

  it("a create answered 201 with a garbled body: the 201, mayHaveBeenProcessed, not repeated", async () => {
    server.reply(raw(201, '{"success":true,"data":{"id":"job_1"', { "content-type": "application/json" }));
    const { client } = agentset(server.url);
    const error = await client.ingestJobs.create({ payload: { type: "TEXT", text: "hello" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseDeserializationError);
    expect((error as ResponseDeserializationError).status).toBe(201);
    expect((error as ResponseDeserializationError).mayHaveBeenProcessed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("a body over maxResponseBytes, declared or streamed: mayHaveBeenProcessed, one request", async () => {
    server.reply(huge(10_000, true), huge(200_000));
    const { client } = agentset(server.url, { maxResponseBytes: 4096 });
    const declared = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as ResponseTooLargeError;
    expect(declared).toBeInstanceOf(ResponseTooLargeError);
    expect([declared.status, declared.declaredLength, declared.mayHaveBeenProcessed]).toEqual([200, 10_000, true]);
    const streamed = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as ResponseTooLargeError;
    expect([streamed.declaredLength, streamed.mayHaveBeenProcessed]).toEqual([undefined, true]);
    expect(server.requests).toHaveLength(2);
  });
});
