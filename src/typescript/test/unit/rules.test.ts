import { describe, expect, it } from "vitest";
import { parseRetryAfter, parseRetryAfterValue } from "../../src/core/retry/retryAfter.js";
import { parseErrorBody } from "../../src/core/errors/errorBody.js";
import { KnownSecrets } from "../../src/core/security/knownSecrets.js";
import { redactUrl } from "../../src/core/security/redactor.js";
import { neverConnected } from "../../src/core/http/transportFailure.js";
import { backoff, shouldRetry } from "../../src/core/retry/retryPolicy.js";
import { resolveRetryOptions } from "../../src/core/retry/retryOptions.js";
import { normalizeUtcTimestamps } from "../../src/core/json/utcTimestamps.js";
import { InternalServerError, InvalidArgumentError, RateLimitExceededError, ServiceTimeoutError, ServiceUnavailable, TransportError, mapIngestJobStatus, mapJobRunStatus, mapTaskStatus, userAgent } from "./rulesImports.js";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const info = (status: number, retryAfter?: number) => ({ status, service: "S", operationId: "op", method: "POST", retryAfter });

describe("Retry-After (RetryAfterParser)", () => {
  it("reads delta seconds", () => expect(parseRetryAfterValue("7", NOW)).toBe(7000));
  it("reads fractional seconds", () => expect(parseRetryAfterValue("1.5", NOW)).toBe(1500));
  it("reads an HTTP date", () => expect(parseRetryAfterValue(new Date(NOW + 4000).toUTCString(), NOW)).toBe(4000));
  it("reads Agentset's Unix milliseconds as a moment", () => expect(parseRetryAfterValue(String(NOW + 2500), NOW)).toBe(2500));
  it("reads Unix seconds as a moment", () => expect(parseRetryAfterValue(String(NOW / 1000 + 3), NOW)).toBe(3000));
  it("a moment in the past is no wait", () => expect(parseRetryAfterValue(String(NOW - 5000), NOW)).toBe(0));
  it("garbage and negatives are no hint", () => {
    expect(parseRetryAfterValue("soon", NOW)).toBeUndefined();
    expect(parseRetryAfterValue("-3", NOW)).toBeUndefined();
  });
  it("absolute forms are measured against the response's Date, not the local clock", () => {
    const server = Date.parse("2031-05-05T00:00:00Z");
    const headers = new Headers({ "retry-after": String(server + 1200), date: new Date(server).toUTCString() });
    expect(parseRetryAfter(headers, NOW)).toBe(1200);
  });
  it("falls back to X-RateLimit-Reset", () => {
    expect(parseRetryAfter(new Headers({ "x-ratelimit-reset": String(NOW + 900) }), NOW)).toBe(900);
    expect(parseRetryAfter(new Headers(), NOW)).toBeUndefined();
  });
  it("reads X-RateLimit-Reset only for a 429 (Agentset sends it on every answer)", () => {
    const headers = new Headers({ "x-ratelimit-reset": String(NOW + 60_000) });
    expect(parseRetryAfter(headers, NOW, true)).toBe(60_000);
    expect(parseRetryAfter(headers, NOW, false)).toBeUndefined();
  });
});

describe("retry decision (RetryDecision)", () => {
  const options = resolveRetryOptions();
  const transport = (mayHaveBeenProcessed: boolean) => new TransportError("x", { mayHaveBeenProcessed });
  it("reads retry on retryable statuses, connection failures and attempt timeouts", () => {
    for (const status of [408, 429, 502, 503, 504]) expect(shouldRetry(new RateLimitExceededError(info(status)), false, true, options)).toBe(true);
    expect(shouldRetry(new InternalServerError(info(500)), false, true, options)).toBe(false);
    expect(shouldRetry(new InternalServerError(info(500)), false, true, resolveRetryOptions({ retryInternalServerError: true }))).toBe(true);
    expect(shouldRetry(transport(true), false, true, options)).toBe(true);
    expect(shouldRetry(new ServiceTimeoutError(1, "attempt", { mayHaveBeenProcessed: true }), true, true, options)).toBe(true);
    expect(shouldRetry(new ServiceTimeoutError(1, "call", { mayHaveBeenProcessed: true }), false, true, options)).toBe(false);
  });
  it("unsafe requests retry only when the service certainly did not act", () => {
    expect(shouldRetry(transport(false), false, false, options)).toBe(true);
    expect(shouldRetry(transport(true), false, false, options)).toBe(false);
    expect(shouldRetry(new RateLimitExceededError(info(429)), false, false, options)).toBe(true);
    expect(shouldRetry(new ServiceUnavailable(info(503, 1000)), false, false, options)).toBe(true);
    expect(shouldRetry(new ServiceUnavailable(info(503)), false, false, options)).toBe(false);
    expect(shouldRetry(new ServiceUnavailable(info(502)), false, false, options)).toBe(false);
    expect(shouldRetry(new ServiceTimeoutError(1, "attempt", { mayHaveBeenProcessed: true }), true, false, options)).toBe(false);
    expect(shouldRetry(transport(true), false, false, resolveRetryOptions({ retryUnsafeRequests: true }))).toBe(true);
  });
  it("backoff doubles from the base, caps at maxDelay and jitters 50–100 %", () => {
    const plain = resolveRetryOptions({ useJitter: false });
    expect([0, 1, 2, 3, 10].map((i) => backoff(i, plain))).toEqual([500, 1000, 2000, 4000, 30_000]);
    expect(backoff(1, options, () => 0)).toBe(500);
    expect(backoff(1, options, () => 0.999999)).toBeCloseTo(1000, 0);
  });
  it("the defaults are the documented ones and bad values are refused", () => {
    expect(options).toMatchObject({ maxAttempts: 4, baseDelay: 500, maxDelay: 30_000, maxElapsed: 120_000, attemptTimeout: 30_000, retryableStatusCodes: [408, 429, 502, 503, 504] });
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow(InvalidArgumentError);
    expect(() => resolveRetryOptions({ attemptTimeout: -1 })).toThrow(/retry.attemptTimeout/);
  });
  it("a refused connection or unknown host never connected; a reset did", () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    const aggregate = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new AggregateError([Object.assign(new Error(), { code: "ECONNREFUSED" })]), {}) });
    const dns = Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } });
    const resetError = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    expect([refused, aggregate, dns, resetError].map(neverConnected)).toEqual([true, true, true, false]);
  });
});

describe("error bodies (ErrorBody)", () => {
  it("reads each service's shape", () => {
    expect(parseErrorBody('{"success":false,"error":{"code":"not_found","message":"No job","doc_url":"d"}}')).toEqual({ code: "not_found", message: "No job", documentationUrl: "d" });
    expect(parseErrorBody('{"success":false,"status":404,"error":{"message":"gone","type":"NotFoundError"}}')).toMatchObject({ code: "NotFoundError", message: "gone" });
    expect(parseErrorBody('{"error":"Billing suspended","code":"BILLING_SUSPENDED","reason":"card","action":"add_card"}')).toEqual({ code: "BILLING_SUSPENDED", message: "Billing suspended", reason: "card", action: "add_card" });
    expect(parseErrorBody('{"request":{"id":"r1"},"data":null}')).toEqual({ requestId: "r1" });
    expect(parseErrorBody("<html>")).toEqual({});
    expect(parseErrorBody('{"detail":"Not authenticated"}')).toEqual({ message: "Not authenticated" });
  });
});

describe("secrets and URLs (Redactor, KnownSecrets)", () => {
  it("masks a known key verbatim, URL-encoded and JSON-escaped, and any bearer token", () => {
    const secrets = new KnownSecrets();
    secrets.add('sk+/"key"123');
    expect(secrets.mask('a sk+/"key"123 b')).toBe("a *** b");
    expect(secrets.mask(`a ${encodeURIComponent('sk+/"key"123')} b`)).toBe("a *** b");
    expect(secrets.mask(`a ${JSON.stringify('sk+/"key"123')} b`)).toBe('a "***" b');
    expect(secrets.mask("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer ***");
  });
  it("short values are not treated as secrets", () => {
    const secrets = new KnownSecrets();
    secrets.add("abc");
    expect(secrets.mask("abc")).toBe("abc");
  });
  it("redacts user info and every query value but the services' documented parameters", () => {
    expect(redactUrl("https://u:p@h.example/a?token=t1&x=1&API_KEY=k&limit=5")).toBe("https://***@h.example/a?token=***&x=***&API_KEY=***&limit=5");
  });
});

describe("status mapping (README table)", () => {
  it("Agentset", () => {
    const expected: Record<string, string> = {
      BACKLOG: "queued", QUEUED: "queued", QUEUED_FOR_RESYNC: "queued", QUEUED_FOR_DELETE: "queued",
      PRE_PROCESSING: "running", PROCESSING: "running", DELETING: "running", CANCELLING: "running",
      COMPLETED: "succeeded", FAILED: "failed", CANCELLED: "cancelled", ARCHIVED_IN_2027: "unknown",
    };
    for (const [raw, common] of Object.entries(expected)) expect(mapIngestJobStatus(raw)).toBe(common);
  });
  it("TrueFoundry", () => {
    const expected: Record<string, string> = {
      CREATED: "queued", SCHEDULED: "queued", RUNNING: "running", FINISHED: "succeeded", FAILED: "failed",
      TERMINATION_REQUESTED: "cancelled", TERMINATING: "cancelled", TERMINATED: "cancelled", UNKNOWN: "unknown", PAUSED: "unknown",
    };
    for (const [raw, common] of Object.entries(expected)) expect(mapJobRunStatus(raw)).toBe(common);
  });
  it("Mixpeek tasks", () => {
    const expected: Record<string, string> = {
      PENDING: "queued", IN_PROGRESS: "running", PROCESSING: "running", COMPLETED: "succeeded", COMPLETED_WITH_ERRORS: "failed",
      FAILED: "failed", CANCELED: "cancelled", SKIPPED: "cancelled", UNKNOWN: "unknown", DRAFT: "unknown", ACTIVE: "unknown", PAUSED_2027: "unknown",
    };
    for (const [raw, common] of Object.entries(expected)) expect(mapTaskStatus(raw)).toBe(common);
  });
  it("toString keys are not statuses", () => {
    expect(mapIngestJobStatus("toString")).toBe("unknown");
    expect(mapTaskStatus("constructor")).toBe("unknown");
  });
});

describe("timestamps and identity", () => {
  it("naive timestamps in date-time fields read as UTC; others are left alone", () => {
    const value = { created_at: "2026-11-30T10:00:00", updated_at: "2026-11-30T10:00:00+02:00", text: "2026-11-30T10:00:00", nested: [{ created_at: "2026-11-30T10:00:00.123" }] };
    normalizeUtcTimestamps(value, new Set(["created_at", "updated_at"]));
    expect(new Date(value.created_at).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(value.updated_at).toBe("2026-11-30T10:00:00+02:00");
    expect(value.text).toBe("2026-11-30T10:00:00");
    expect(value.nested[0]!.created_at).toBe("2026-11-30T10:00:00.123Z");
  });
  it("the User-Agent names the SDK, Node and the platform", () => {
    expect(userAgent).toMatch(/^astro-triggers-sdk-js\/\d+\.\d+\.\d+ \(Node \d+\.\d+\.\d+; [a-z0-9]+\)$/);
    expect(userAgent).toContain(`Node ${process.versions.node}; ${process.platform}`);
  });
});
