import { describe, expect, it } from "vitest";
import { InternalServerError, RateLimitExceededError, ServiceTimeoutError, TransportError, UnexpectedStatusError } from "../../../src/index.js";
import { backoff, shouldRetry } from "../../../src/core/retry/retryPolicy.js";
import { resolveRetryOptions } from "../../../src/core/retry/retryOptions.js";

const info = (status: number, retryAfter?: number) => ({ status, service: "S", operationId: "op", method: "POST", retryAfter });

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
    expect(shouldRetry(new UnexpectedStatusError(info(503, 1000)), false, false, options)).toBe(true);
    expect(shouldRetry(new UnexpectedStatusError(info(503)), false, false, options)).toBe(false);
    expect(shouldRetry(new UnexpectedStatusError(info(502)), false, false, options)).toBe(false);
    expect(shouldRetry(new ServiceTimeoutError(1, "attempt", { mayHaveBeenProcessed: true }), true, false, options)).toBe(false);
    expect(shouldRetry(transport(true), false, false, resolveRetryOptions({ retryUnsafeRequests: true }))).toBe(true);
  });
  it("backoff doubles from the base, caps at maxDelay and jitters 50–100 %", () => {
    const plain = resolveRetryOptions({ useJitter: false });
    expect([0, 1, 2, 3, 10].map((i) => backoff(i, plain))).toEqual([500, 1000, 2000, 4000, 30_000]);
    expect(backoff(1, options, () => 0)).toBe(500);
    expect(backoff(1, options, () => 0.999999)).toBeCloseTo(1000, 0);
  });
});
