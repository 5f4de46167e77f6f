import { describe, expect, it } from "vitest";
import { normalizeUtcTimestamps } from "../../../src/core/json/utcTimestamps.js";

describe("timestamps (utcTimestamps)", () => {
  it("naive timestamps in date-time fields read as UTC; others are left alone", () => {
    const value = { created_at: "2026-11-30T10:00:00", updated_at: "2026-11-30T10:00:00+02:00", text: "2026-11-30T10:00:00", nested: [{ created_at: "2026-11-30T10:00:00.123" }] };
    normalizeUtcTimestamps(value, new Set(["created_at", "updated_at"]));
    expect(new Date(value.created_at).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(value.updated_at).toBe("2026-11-30T10:00:00+02:00");
    expect(value.text).toBe("2026-11-30T10:00:00");
    expect(value.nested[0]!.created_at).toBe("2026-11-30T10:00:00.123Z");
  });
});
