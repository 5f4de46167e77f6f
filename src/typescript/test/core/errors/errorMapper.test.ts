import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AstroTriggersError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitExceededError,
  ServiceRequestError,
  UnauthorizedError,
  UnexpectedStatusError,
  UnprocessableEntityError,
} from "../../../src/index.js";
import { agentsetError } from "../../support/agentsetJson.js";
import { agentset, KEY, truefoundry } from "../../support/clients.js";
import { json, raw, ScriptedServer } from "../../support/scriptedServer.js";

describe("typed errors (IngestJobsErrorTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it.each([
    [400, "bad_request", BadRequestError],
    [401, "unauthorized", UnauthorizedError],
    [402, "payment_required", PaymentRequiredError],
    [403, "exceeded_limit", ForbiddenError],
    [404, "not_found", NotFoundError],
    [409, "conflict", ConflictError],
    [410, "invite_expired", GoneError],
    [422, "unprocessable_entity", UnprocessableEntityError],
    [429, "rate_limit_exceeded", RateLimitExceededError],
    [500, "internal_server_error", InternalServerError],
    [418, "teapot", UnexpectedStatusError],
  ])("HTTP %i maps to its typed error with code, message, request id, method and URL", async (status, code, type) => {
    server.otherwise(json(status, agentsetError(code, `it failed ${status}`), { "x-request-id": "req_77", "retry-after": "999" }));
    const { client } = agentset(server.url, { retry: { maxAttempts: 1 } });
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as ServiceRequestError;
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(ServiceRequestError);
    expect(error).toBeInstanceOf(AstroTriggersError);
    expect(error.name).toBe(type.name);
    expect(error.status).toBe(status);
    expect(error.errorCode).toBe(code);
    expect(error.serviceMessage).toBe(`it failed ${status}`);
    expect(error.documentationUrl).toBe(`https://docs.agentset.ai/errors/${code}`);
    expect(error.requestId).toBe("req_77");
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`${server.url}/v1/namespace/ns_1/ingest-jobs/job_1`);
    expect(error.operationId).toBe("getIngestJob");
    expect(error.service).toBe("Agentset");
    expect(error.retryAfter).toBe(999_000);
    expect(error.mayHaveBeenProcessed).toBe(false);
    expect(error.message).toContain(`HTTP ${status}`);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ["plain text", "Service Unavailable", "text/plain"],
    ["HTML", "<html><h1>Bad</h1></html>", "text/html"],
    ["empty", "", "text/plain"],
    ["truncated JSON", '{"success":false,"error":{"code":"bad_re', "application/json"],
  ])("a %s error body still gives the typed error with the raw text", async (_kind, body, type) => {
    server.otherwise(raw(404, body, { "content-type": type }));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.rawBody ?? "").toBe(body);
    expect(error.errorCode).toBeUndefined();
  });

  it("the raw body is bounded to 16 KB", async () => {
    server.otherwise(raw(400, "x".repeat(100_000)));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as BadRequestError;
    expect(error.rawBody!.length).toBe(16 * 1024 + "…(truncated)".length);
    expect(error.rawBody!.endsWith("…(truncated)")).toBe(true);
  });

  it("a FastAPI 422 carries its validation issues", async () => {
    server.otherwise(json(422, { detail: [{ loc: ["body", "input", "command"], msg: "field required", type: "missing" }] }));
    const { client } = truefoundry(server.url);
    const error = (await client.jobRuns.start({ applicationId: "app-1" }).catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.validationIssues).toEqual([{ location: ["body", "input", "command"], message: "field required", type: "missing" }]);
    expect(error.serviceMessage).toBe("body.input.command: field required");
  });

  it("TrueFoundry's {statusCode, message, code} body is read, numeric code included", async () => {
    server.otherwise(json(400, { statusCode: 400, message: "application not supported for job trigger", code: 4001 }));
    const { client } = truefoundry(server.url);
    const error = (await client.jobRuns.start({ applicationId: "svc" }).catch((e: unknown) => e)) as BadRequestError;
    expect(error.serviceMessage).toBe("application not supported for job trigger");
    expect(error.errorCode).toBe("4001");
  });

  it("a key the service echoes verbatim in an error body is masked everywhere", async () => {
    server.otherwise(json(401, { success: false, error: { code: "unauthorized", message: `Invalid API key ${KEY}` }, request_id: KEY }));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as UnauthorizedError;
    for (const text of [error.message, error.rawBody, error.serviceMessage, error.requestId, String(error), JSON.stringify(error), error.stack]) {
      expect(text).not.toContain(KEY);
    }
    expect(error.serviceMessage).toBe("Invalid API key ***");
  });
});
