import { parseRetryAfter } from "../../../src/core/retry/retryAfter.js";
import type { JsonObject } from "../suite.js";

/** retry-after: {headers, now, rateLimited} → {waitMs} through parseRetryAfter. */
export function retryAfter(input: JsonObject): JsonObject {
  const headers = new Headers(input["headers"] as Record<string, string>);
  const now = Date.parse(input["now"] as string);
  const wait = parseRetryAfter(headers, now, (input["rateLimited"] as boolean | undefined) ?? true);
  return { waitMs: wait ?? null };
}
