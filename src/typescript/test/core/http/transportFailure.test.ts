import { describe, expect, it } from "vitest";
import { neverConnected } from "../../../src/core/http/transportFailure.js";

// Whether a failed attempt ever reached the service: what lets an unsafe request be retried (core/retry/retryPolicy.ts).
describe("neverConnected: a failure before the connection", () => {
  it("a refused connection or unknown host never connected; a reset did", () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    const aggregate = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new AggregateError([Object.assign(new Error(), { code: "ECONNREFUSED" })]), {}) });
    const dns = Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } });
    const resetError = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    expect([refused, aggregate, dns, resetError].map(neverConnected)).toEqual([true, true, true, false]);
  });
});
