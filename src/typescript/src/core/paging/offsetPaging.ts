import { InvalidArgumentError, PagingError } from "../errors/clientErrors.js";
import { Guard } from "../guard.js";
import { AsyncPageable } from "./asyncPageable.js";

/** How many pages' first items are remembered to tell an offset-ignoring service from a mislabelled page (as C#). */
const rememberedPages = 10_000;

/** One offset page as the service answered it: the items, and the total, offset and limit it reported (undefined where it reported none). */
export interface OffsetSlice<T> {
  items: readonly T[];
  /** The service's total, when it says; without it a full page may have a successor and a short or empty one ends the list. */
  total: number | undefined;
  /** The offset the service says this page starts at; the offset sent wins when they differ. */
  offset?: number | undefined;
  /** The page size the service says it used; it wins over the one asked (a service that caps the limit pages by its own size). */
  limit?: number | undefined;
}

/** The service and operation a list belongs to, for the {@link PagingError} of an offset-ignoring service. */
export interface OffsetListOperation {
  service: string;
  operationId: string;
}

/** The list's paging parameters (C#: `OffsetPaging.Create`'s). */
export interface OffsetPagingOptions<T> {
  startOffset: number;
  /** The limit sent; undefined: none (the service's default). Checked against 1..maxPageSize. */
  pageSize: number | undefined;
  /** The service's page size when no limit is sent and it reports none (TrueFoundry 10, Mixpeek 50). */
  defaultPageSize: number;
  /** The service's largest page. */
  maxPageSize: number;
  /** The argument path of the list options, for messages. */
  argument: string;
  signal: AbortSignal | undefined;
  /** The list operation, named by the PagingError of an offset-ignoring service. */
  operation?: OffsetListOperation;
  /**
   * An item's identity (a run's name, a trigger's id): a page whose reported offset contradicts the request and whose
   * first item already began the page of another offset shows a service that ignores the offset; it ends the walk
   * with a {@link PagingError} instead of yielding the same items again.
   */
  key?: (item: T) => string | undefined;
}

/**
 * An offset page token in the C# client's format (`Core/Paging/OffsetToken`), so a token saved by one language resumes
 * in the other: `"20"` (start at 20, the list's page size) or `"0:3"` (start at 0, at most 3 items). The second form is
 * only issued for the page before one that starts closer to 0 than a page size, so that page ends exactly where the
 * later one begins instead of overlapping it.
 */
export interface OffsetToken {
  offset: number;
  limit: number | undefined;
}

/** Reads a token: digits only (no sign, space or exponent), the limit 1..maxPageSize. */
export function parseOffsetToken(token: string, maxPageSize: number): OffsetToken {
  const match = /^(\d+)(?::(\d+))?$/.exec(token);
  const offset = match === null ? Number.NaN : Number(match[1]);
  if (match === null || !Number.isSafeInteger(offset)) throw invalidToken(token);
  if (match[2] === undefined) return { offset, limit: undefined };
  const limit = Number(match[2]);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > maxPageSize) throw invalidToken(token);
  return { offset, limit };
}

/** Writes a token: `offset`, or `offset:limit` when the limit is set. */
export function formatOffsetToken(token: OffsetToken): string {
  return token.limit === undefined ? String(token.offset) : `${token.offset}:${token.limit}`;
}

/**
 * An {@link AsyncPageable} over an offset/limit API (TrueFoundry runs, Mixpeek triggers and history), at parity with
 * C#'s `OffsetPaging`: the tokens are {@link OffsetToken}s; a page starts at the offset asked for (a contradicting
 * reported offset loses: the service was asked for that slice); the limit the service reports wins over the one
 * asked, and the service's default page size stands in when neither was sent nor reported; a page has more while
 * `offset + items < total`, or, with no total, while a page is full (a short or empty page ends the list, and an
 * empty page always ends it, so a total that lies cannot loop).
 */
export function offsetPageable<T>(
  fetch: (offset: number, limit: number | undefined, signal: AbortSignal | undefined) => Promise<OffsetSlice<T>>,
  options: OffsetPagingOptions<T>,
): AsyncPageable<T> {
  const { startOffset, pageSize, defaultPageSize, maxPageSize, argument, operation, key } = options;
  if (pageSize !== undefined) Guard.inRange(pageSize, 1, maxPageSize, `${argument}.pageSize`);
  Guard.inRange(startOffset, 0, Number.MAX_SAFE_INTEGER, `${argument}.startOffset`);
  // The first item of each page read, with the offset asked for it (shared by the pageable's walks: the same offset
  // read again is no repeat).
  const firstItems = new Map<string, number>();
  return new AsyncPageable<T>(
    async (token, limit, pageSignal) => {
      const at = token === undefined ? { offset: 0, limit: undefined } : parseOffsetToken(token, maxPageSize);
      if (limit !== undefined) Guard.inRange(limit, 1, maxPageSize, "pageSize");
      const sentLimit = at.limit ?? limit;
      const answered = await fetch(at.offset, sentLimit, pageSignal);
      // What the service reported, read only where it is a whole number (a null or a string is "not reported").
      const slice = { items: answered.items, total: whole(answered.total), offset: whole(answered.offset), limit: whole(answered.limit) };
      const first = key !== undefined && slice.items.length > 0 ? key(slice.items[0]!) : undefined;
      if (slice.offset !== undefined && slice.offset !== at.offset && first !== undefined) {
        const earlier = firstItems.get(first);
        if (earlier !== undefined && earlier !== at.offset) {
          throw new PagingError(
            `${operation === undefined ? "" : `${operation.service} ${operation.operationId}: `}The service answered offset '${at.offset}' with the page it answered offset '${earlier}' with (reporting offset ${slice.offset}): ` +
              "it ignores the offset; stopping instead of repeating items.",
            operation === undefined ? {} : { service: operation.service, operationId: operation.operationId },
          );
        }
      }
      if (first !== undefined && firstItems.size < rememberedPages && !firstItems.has(first)) firstItems.set(first, at.offset);
      return toPage(slice, at.offset, sentLimit ?? defaultPageSize, maxPageSize);
    },
    startOffset === 0 ? undefined : formatOffsetToken({ offset: startOffset, limit: undefined }),
    pageSize,
    options.signal,
  );
}

/** The page with its tokens: it starts at the offset asked for; the service's own limit wins over what was asked. */
function toPage<T>(slice: OffsetSlice<T>, offset: number, requestedLimit: number, maxPageSize: number) {
  const limit = slice.limit !== undefined && slice.limit > 0 ? slice.limit : requestedLimit;
  const count = slice.items.length;
  const next = offset + count;
  const hasMore =
    count > 0 &&
    next <= Number.MAX_SAFE_INTEGER &&
    // No total: a full page may have a successor, a short one is the last; more than asked means the service ignored
    // the limit (and likely the offset), so asking again would only repeat items.
    (slice.total !== undefined ? next < slice.total : count === limit);
  const previous = previousToken(offset, limit, maxPageSize);
  return {
    items: slice.items,
    continuationToken: hasMore ? formatOffsetToken({ offset: next, limit: undefined }) : undefined,
    previousToken: previous === undefined ? undefined : formatOffsetToken(previous),
    hasMore,
  };
}

/**
 * The page that ends exactly where this one starts; near the start it is shorter than a page (unless that length is
 * more than the service takes, when the caller's own page size has to do).
 */
function previousToken(offset: number, limit: number, maxPageSize: number): OffsetToken | undefined {
  if (offset === 0) return undefined;
  if (offset >= limit) return { offset: offset - limit, limit: undefined };
  return { offset: 0, limit: offset <= maxPageSize ? offset : undefined };
}

function whole(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : undefined;
}

function invalidToken(token: string): InvalidArgumentError {
  return new InvalidArgumentError(
    "continuationToken",
    `'continuationToken' must be a page token from a previous page: an offset, optionally ':' and a page size (was '${token}').`,
  );
}
