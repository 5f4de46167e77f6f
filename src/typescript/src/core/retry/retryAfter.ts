/** At or above this a number is a Unix time in milliseconds (Agentset's `Retry-After`). */
export const UNIX_MS_THRESHOLD = 100_000_000_000;
/** The last Unix millisecond of the year 9999 (.NET's DateTimeOffset.MaxValue): past it a number names no moment. */
const MAX_UNIX_MS = 253_402_300_799_999;
/** At or above this (and below the ms threshold) a number is a Unix time in seconds. */
export const UNIX_S_THRESHOLD = 1_000_000_000;

/**
 * How long the server asked to wait, in milliseconds, from `Retry-After` (delta seconds, an HTTP date, or
 * Agentset's reset moment in Unix milliseconds) or else `X-RateLimit-Reset`. Absolute forms are measured
 * against the server's now ({@link serverNow}: the response's `Date`, or the client's finer clock when it agrees
 * with `Date`), so a skewed local clock does not matter.
 * `X-RateLimit-Reset` counts only for a 429: Agentset sends it on every answer, where it only says when the window
 * reopens — a 503 or 500 must not read it as "retry after" (same rule as the C# RetryAfterParser).
 * @param headers - the response headers. @param now - the local time, Unix ms.
 * @param rateLimited - whether the answer was a 429 (default true).
 * @returns milliseconds ≥ 0, or undefined when no hint was given or it could not be read.
 */
export function parseRetryAfter(headers: Headers, now: number, rateLimited = true): number | undefined {
  const reference = serverNow(headers.get("date"), now);
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
    // Past the year 9999 it is garbage from the wire, not a wait of millennia (as C#, which cannot hold such a moment).
    if (n >= UNIX_MS_THRESHOLD) return n > MAX_UNIX_MS ? undefined : Math.max(0, n - now);
    if (n >= UNIX_S_THRESHOLD) return Math.max(0, n * 1000 - now);
    return n * 1000;
  }
  if (/^\d*\.\d+$/.test(value)) {
    const seconds = Number(value);
    return seconds < UNIX_S_THRESHOLD ? Math.round(seconds * 1000) : undefined;
  }
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** How far before a `Date` (ms) the client's clock may sit and still be taken as agreeing with it. */
const DATE_AGREEMENT_BEFORE_MS = 1000;
/** How far after a `Date` (ms, exclusive) the client's clock may sit and still be taken as agreeing with it. */
const DATE_AGREEMENT_AFTER_MS = 2000;

/**
 * The server's "now" for a moment it named (as the C# RetryAfterParser.ServerNow). `Date` has whole seconds only and
 * is stamped before the answer travels, while a hint of a second or less needs better: when the client's clock is
 * within [Date − 1 s, Date + 2 s) the clocks agree to the header's precision plus the answer's travel and the
 * client's (finer) time is used — taking `Date` as is would add up to a second to every wait. Otherwise the client's
 * clock is off and `Date` stands for the server's now. Without a readable `Date` (an HTTP date), the client's clock.
 * @param date - the `Date` header, or null. @param clientNow - the client's clock, Unix ms. @returns Unix ms.
 */
export function serverNow(date: string | null, clientNow: number): number {
  const server = date === null ? undefined : parseHttpDate(date.trim(), clientNow);
  if (server === undefined) return clientNow;
  return clientNow >= server - DATE_AGREEMENT_BEFORE_MS && clientNow < server + DATE_AGREEMENT_AFTER_MS ? clientNow : server;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
const IMF_FIXDATE = new RegExp(`^(${DAYS.join("|")}), (\\d{2}) (${MONTHS.join("|")}) (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^(${LONG_DAYS.join("|")}), (\\d{2})-(${MONTHS.join("|")})-(\\d{2}) ${TIME} GMT$`);
let lastFixdate: string | undefined;
let lastFixdateValue: number | undefined;
const ASCTIME = new RegExp(`^(${DAYS.join("|")}) (${MONTHS.join("|")}) ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * An HTTP-date (RFC 9110 §5.6.7): the IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, or one of the obsolete forms a
 * recipient must also accept, RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` (a two-digit year more than 50 years ahead of
 * `now` is the last such year in the past) and asctime `Sun Nov  6 08:49:37 1994`. Nothing else — not ISO 8601,
 * not whatever `Date.parse` happens to read. @returns Unix ms, or undefined.
 */
export function parseHttpDate(value: string, now: number): number | undefined {
  // Every answer's `Date` is read (serverNow), and within a second they are all the same text: the last IMF-fixdate
  // read is kept (its value does not depend on `now`).
  if (value === lastFixdate) return lastFixdateValue;
  let m = IMF_FIXDATE.exec(value);
  if (m) {
    const parsed = utc(Number(m[4]), m[3]!, Number(m[2]), m[5]!, m[6]!, m[7]!);
    lastFixdate = value;
    lastFixdateValue = parsed;
    return parsed;
  }
  m = RFC_850.exec(value);
  if (m) {
    const nowYear = new Date(now).getUTCFullYear();
    let year = Math.floor(nowYear / 100) * 100 + Number(m[4]);
    if (year > nowYear + 50) year -= 100;
    else if (year <= nowYear - 50) year += 100;
    return utc(year, m[3]!, Number(m[2]), m[5]!, m[6]!, m[7]!);
  }
  m = ASCTIME.exec(value);
  if (m) return utc(Number(m[7]), m[2]!, Number(m[3]!.trim()), m[4]!, m[5]!, m[6]!);
  return undefined;
}

function utc(year: number, month: string, day: number, hh: string, mm: string, ss: string): number | undefined {
  const [h, mi, s] = [Number(hh), Number(mm), Number(ss)];
  if (h > 23 || mi > 59 || s > 60 || day < 1) return undefined;
  const monthIndex = MONTHS.indexOf(month);
  const ms = Date.UTC(year, monthIndex, day, h, mi, Math.min(s, 59));
  // A day past the month's end (31 Feb) is not a date.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}
