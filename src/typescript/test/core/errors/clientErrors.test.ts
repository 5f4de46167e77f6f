import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AstroTriggersError, PagingError, ResponseDeserializationError, ResponseTooLargeError, ServiceTimeoutError, TransportError } from "../../../src/index.js";
import { agentset } from "../../support/clients.js";
import { huge, raw, ScriptedServer, stallHeaders } from "../../support/scriptedServer.js";
import { serverSaw, timedClock } from "../../support/timedFaults.js";

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
    expect([declared.mayHaveBeenProcessed, declared.limit, declared.declaredLength]).toEqual([true, 4096, 10_000]);
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

// Issue 27 §1 (as C#'s ServiceTimeoutException : ServiceTransportException and PagingException): a timeout is a kind of
// transport error under a name that is not the DOMException's "TimeoutError"; one flag, mayHaveBeenProcessed; a
// PagingError names the list's service and operation, status 0, not processed.
describe("the error hierarchy as C#'s", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("a ServiceTimeoutError is a TransportError, named apart from AbortSignal.timeout()'s DOMException", () => {
    const error = new ServiceTimeoutError(150, "attempt", { service: "Agentset", operationId: "getIngestJob", mayHaveBeenProcessed: true });
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toBeInstanceOf(AstroTriggersError);
    expect([error.name, error.timeout, error.status, error.mayHaveBeenProcessed]).toEqual(["ServiceTimeoutError", 150, 0, true]);
    expect(error.message).toBe("Agentset getIngestJob: the attempt timed out after 150 ms. The request may have reached the service.");
    expect(Object.keys(error)).not.toContain("mayHaveReachedServer");
    expect(Object.keys(new TransportError("x", {}))).not.toContain("mayHaveReachedServer");
  });

  it("one flag: a transport error says whether the request may have reached the service by mayHaveBeenProcessed", () => {
    const never = new TransportError("the connection was refused", { service: "Agentset", operationId: "createIngestJob", mayHaveBeenProcessed: false });
    expect([never.mayHaveBeenProcessed, never.message]).toEqual([false, "Agentset createIngestJob: the connection was refused. The request did not reach the service."]);
    const reached = new TransportError("the connection was reset", { service: "Agentset", operationId: "createIngestJob", mayHaveBeenProcessed: true });
    expect(reached.message).toContain("The request may have reached the service.");
  });

  it("a read's stalled answer ends as a ServiceTimeoutError, caught as a TransportError", async () => {
    server.otherwise(stallHeaders);
    const clock = timedClock();
    const { client } = agentset(server.url, { clock, timeout: 200 });
    const pending = client.ingestJobs.get("job_1").catch((e: unknown) => e);
    await serverSaw(server, 1);
    clock.advance(200);
    const error = await pending;
    expect(error).toBeInstanceOf(ServiceTimeoutError);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as ServiceTimeoutError).mayHaveBeenProcessed).toBe(true);
  });

  it("a caller's AbortSignal.timeout() surfaces as its own DOMException TimeoutError, not as the SDK's timeout", async () => {
    server.otherwise(stallHeaders);
    const { client } = agentset(server.url);
    const error = await client.ingestJobs.get("job_1", { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("TimeoutError");
    expect(error).not.toBeInstanceOf(AstroTriggersError);
  });

  it("a PagingError carries the list's service and operation, status 0, not processed (as C#'s PagingException)", () => {
    const named = new PagingError("it ignores the offset", { service: "TrueFoundry", operationId: "listJobRuns" });
    expect([named.service, named.operationId, named.status, named.mayHaveBeenProcessed, named.message]).toEqual(["TrueFoundry", "listJobRuns", 0, false, "it ignores the offset"]);
    const unnamed = new PagingError("a cursor repeated");
    expect([unnamed.service, unnamed.operationId, unnamed.status, unnamed.mayHaveBeenProcessed]).toEqual(["", "", 0, false]);
  });
});
