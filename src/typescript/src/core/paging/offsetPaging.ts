import { InvalidArgumentError } from "../errors/clientErrors.js";
import { Guard } from "../guard.js";
import { AsyncPageable } from "./asyncPageable.js";

/** One offset page as the service answered it. */
export interface OffsetSlice<T> {
  items: readonly T[];
  /** The service's total, when it says; without it the list ends after this page. */
  total: number | undefined;
}

/**
 * An {@link AsyncPageable} over an offset/limit API (TrueFoundry runs, Mixpeek triggers and history): the page
 * token is the next offset as a decimal string; a page has more when `offset + items < total` and it was not
 * empty (so a total that lies stops at the first empty page).
 */
export function offsetPageable<T>(
  fetch: (offset: number, limit: number | undefined, signal: AbortSignal | undefined) => Promise<OffsetSlice<T>>,
  startOffset: number,
  pageSize: number | undefined,
  maxPageSize: number,
  argument: string,
  signal: AbortSignal | undefined,
): AsyncPageable<T> {
  if (pageSize !== undefined) Guard.inRange(pageSize, 1, maxPageSize, `${argument}.pageSize`);
  Guard.inRange(startOffset, 0, Number.MAX_SAFE_INTEGER, `${argument}.startOffset`);
  return new AsyncPageable<T>(
    async (token, limit, pageSignal) => {
      const offset = token === undefined ? 0 : parseOffset(token);
      if (limit !== undefined) Guard.inRange(limit, 1, maxPageSize, "pageSize");
      const slice = await fetch(offset, limit, pageSignal);
      const next = offset + slice.items.length;
      const hasMore = slice.items.length > 0 && slice.total !== undefined && next < slice.total;
      return {
        items: slice.items,
        continuationToken: hasMore ? String(next) : undefined,
        previousToken: offset > 0 ? String(Math.max(0, offset - (limit ?? slice.items.length))) : undefined,
        hasMore,
      };
    },
    startOffset === 0 ? undefined : String(startOffset),
    pageSize,
    signal,
  );
}

function parseOffset(token: string): number {
  if (!/^\d+$/.test(token)) {
    throw new InvalidArgumentError("continuationToken", `'continuationToken' must be an offset from a previous page (was '${token}').`);
  }
  return Number(token);
}
