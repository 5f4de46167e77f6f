/** At or above this a number is a Unix time in milliseconds (Agentset's `Retry-After`). */
const UNIX_MS_THRESHOLD = 100_000_000_000;
/** At or above this (and below the ms threshold) a number is a Unix time in seconds. */
const UNIX_S_THRESHOLD = 1_000_000_000;

/**
 * How long the server asked to wait, in milliseconds, from `Retry-After` (delta seconds, an HTTP date, or
 * Agentset's reset moment in Unix milliseconds) or else `X-RateLimit-Reset`. Absolute forms are measured
 * against the response's `Date` header when present (so a skewed local clock does not matter), else `now`.
 * `X-RateLimit-Reset` counts only for a 429: Agentset sends it on every answer, where it only says when the window
 * reopens — a 503 or 500 must not read it as "retry after" (same rule as the C# RetryAfterParser).
 * @param headers - the response headers. @param now - the local time, Unix ms.
 * @param rateLimited - whether the answer was a 429 (default true).
 * @returns milliseconds ≥ 0, or undefined when no hint was given or it could not be read.
 */
export function parseRetryAfter(headers: Headers, now: number, rateLimited = true): number | undefined {
  const serverDate = headers.get("date");
  const serverNow = serverDate ? Date.parse(serverDate) : NaN;
  const reference = Number.isNaN(serverNow) ? now : serverNow;
  const retryAfter = headers.get("retry-after");
  const fromRetryAfter = retryAfter === null ? undefined : parseRetryAfterValue(retryAfter, reference);
  if (fromRetryAfter !== undefined) return fromRetryAfter;
  const reset = rateLimited ? headers.get("x-ratelimit-reset") : null;
  return reset === null ? undefined : parseRetryAfterValue(reset, reference);
}

/** One header value: see {@link parseRetryAfter}. @returns milliseconds ≥ 0 or undefined. */
export function parseRetryAfterValue(raw: string, now: number): number | undefined {
  const value = raw.trim();
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n >= UNIX_MS_THRESHOLD) return Math.max(0, n - now);
    if (n >= UNIX_S_THRESHOLD) return Math.max(0, n * 1000 - now);
    return n * 1000;
  }
  if (/^\d*\.\d+$/.test(value)) {
    const seconds = Number(value);
    return seconds < UNIX_S_THRESHOLD ? Math.round(seconds * 1000) : undefined;
  }
  if (/^-/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) || !/[A-Za-z]/.test(value) ? undefined : Math.max(0, date - now);
}
