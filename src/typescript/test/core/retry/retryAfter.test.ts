import { describe, expect, it } from "vitest";
import { parseHttpDate, parseRetryAfter, parseRetryAfterValue, serverNow } from "../../../src/core/retry/retryAfter.js";

// Issue 27 §1 (as the C# RetryAfterParser.ServerNow): Date has whole seconds, so a client clock that agrees with it
// (within [Date − 1 s, Date + 2 s)) is the finer "now"; outside that window Date stands for the server's now. And
// Retry-After is delta-seconds or an HTTP-date, never whatever Date.parse reads.
const DATE = "Mon, 30 Nov 2026 12:00:00 GMT";
const AT_DATE = Date.parse("2026-11-30T12:00:00Z");

describe("serverNow: the client's clock when it agrees with Date", () => {
  it.each([
    ["same instant", 0, 0],
    ["a client 999 ms later, same second", 999, 999],
    ["a client 1999 ms later (travel across a second)", 1999, 1999],
    ["a client exactly 1 s earlier (inclusive edge)", -1000, -1000],
  ])("%s: the client's clock", (_name, offset, expected) => {
    expect(serverNow(DATE, AT_DATE + offset) - AT_DATE).toBe(expected);
  });

  it.each([
    ["a client exactly 2 s later (exclusive edge)", 2000],
    ["a client 1001 ms earlier", -1001],
    ["a client 5 minutes ahead", 300_000],
    ["a client 5 minutes behind", -300_000],
  ])("%s: the Date", (_name, offset) => {
    expect(serverNow(DATE, AT_DATE + offset)).toBe(AT_DATE);
  });

  it("no Date, or one that is not an HTTP date: the client's clock", () => {
    expect(serverNow(null, AT_DATE + 123)).toBe(AT_DATE + 123);
    expect(serverNow("yesterday", AT_DATE + 123)).toBe(AT_DATE + 123);
    expect(serverNow("2026-11-30T12:00:00Z", AT_DATE + 5000)).toBe(AT_DATE + 5000);
  });

  it("a sub-second Agentset reset is measured from the client's finer clock, not the whole-second Date", () => {
    const headers = new Headers({ "retry-after": String(AT_DATE + 2500), date: DATE });
    expect(parseRetryAfter(headers, AT_DATE + 400)).toBe(2100);
    // The client is 10 min off: the Date decides, the wait is what the service asked.
    expect(parseRetryAfter(headers, AT_DATE + 600_000)).toBe(2500);
  });

  it("an HTTP-date Retry-After with a Date in the same second waits what is left, not a second more", () => {
    const headers = new Headers({ "retry-after": "Mon, 30 Nov 2026 12:00:02 GMT", date: DATE });
    expect(parseRetryAfter(headers, AT_DATE + 1500)).toBe(500);
  });
});

describe("Retry-After (RetryAfterParser)", () => {
  const NOW = AT_DATE;
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

describe("parseHttpDate: the three HTTP-date forms only", () => {
  it("IMF-fixdate", () => expect(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT", AT_DATE)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37)));
  it("RFC 850, two-digit year within 50 years of now", () => {
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT", AT_DATE)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate("Sunday, 01-Mar-26 12:01:00 GMT", AT_DATE)).toBe(Date.UTC(2026, 2, 1, 12, 1, 0));
    // Seen from 2090, "10" is 2110 (20 years ahead), not 2010 (80 years back).
    expect(parseHttpDate("Monday, 01-Mar-10 12:01:00 GMT", Date.UTC(2090, 0, 1))).toBe(Date.UTC(2110, 2, 1, 12, 1, 0));
  });
  it("asctime", () => expect(parseHttpDate("Sun Nov  6 08:49:37 1994", AT_DATE)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37)));
  it.each([
    "2026-11-30T12:01:00Z",
    "2026-11-30",
    "November 30, 2026 12:01:00",
    "Mon, 30 Nov 2026 12:01:00 +0000",
    "Mon, 31 Feb 2026 12:01:00 GMT",
    "Mon, 30 Nov 2026 25:01:00 GMT",
    "30 Nov 2026 12:01:00 GMT",
  ])("refuses %j", (value) => {
    expect(parseHttpDate(value, AT_DATE)).toBeUndefined();
    expect(parseRetryAfterValue(value, AT_DATE)).toBeUndefined();
  });
});
