import { offsetPageable } from "../../../src/core/paging/offsetPaging.js";
import type { JsonObject } from "../suite.js";

class BeyondServed extends Error {}

interface Served { total: number | null; offset: number | null; limit: number | null; items: number }

/**
 * offset-paging: {startOffset, pageSize, defaultPageSize, maxPageSize, continuationToken, served: [{total, offset, limit,
 * items}]} → {pages: [{requested: {offset, limit}, next, previous}], stops}: offsetPageable over a fetch that answers the
 * served pages in order (a tiny in-memory page source, reporting each page's total, offset and limit as served),
 * walked with byPage({continuationToken}). `stops` is false when the walk asks for a page beyond the served ones.
 */
export async function offsetPaging(input: JsonObject): Promise<JsonObject> {
  const served = input["served"] as unknown as Served[];
  const requests: { offset: number; limit: number | null }[] = [];
  const pageable = offsetPageable<string>(
    async (offset, limit) => {
      requests.push({ offset, limit: limit ?? null });
      const page = served[requests.length - 1];
      if (page === undefined) throw new BeyondServed();
      return {
        items: Array.from({ length: page.items }, (_, i) => `item${offset + i}`),
        total: page.total ?? undefined,
        offset: page.offset ?? undefined,
        limit: page.limit ?? undefined,
      };
    },
    {
      startOffset: (input["startOffset"] as number | null) ?? 0,
      pageSize: (input["pageSize"] as number | null) ?? undefined,
      defaultPageSize: input["defaultPageSize"] as number,
      maxPageSize: input["maxPageSize"] as number,
      argument: "filter",
      signal: undefined,
    },
  );
  const pages: JsonObject[] = [];
  let stops = true;
  try {
    const token = input["continuationToken"];
    for await (const page of pageable.byPage(typeof token === "string" ? { continuationToken: token } : {})) {
      pages.push({ requested: requests[requests.length - 1]!, next: page.continuationToken ?? null, previous: page.previousToken ?? null });
    }
  } catch (error) {
    if (!(error instanceof BeyondServed)) throw error;
    stops = false;
  }
  return { pages, stops };
}
