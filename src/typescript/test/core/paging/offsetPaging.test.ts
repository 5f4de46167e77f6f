import { describe, expect, it } from "vitest";
import { InvalidArgumentError, PagingError } from "../../../src/index.js";
import {
  formatOffsetToken,
  offsetPageable,
  parseOffsetToken,
  type OffsetPagingOptions,
  type OffsetSlice,
} from "../../../src/core/paging/offsetPaging.js";

// Mirrors src/core/paging/offsetPaging.ts (.NET: Core/Paging/OffsetPaging + OffsetToken). One in-memory page source per
// test: it answers the pages given, in order, and records what was asked.
type Served = Partial<Omit<OffsetSlice<string>, "items">> & { items: number };

function source(served: Served[]) {
  const requests: { offset: number; limit: number | undefined }[] = [];
  const fetch = async (offset: number, limit: number | undefined): Promise<OffsetSlice<string>> => {
    requests.push({ offset, limit });
    const page = served[requests.length - 1];
    if (page === undefined) throw new Error(`asked for page ${requests.length} beyond the ${served.length} served`);
    return { ...page, total: page.total, items: Array.from({ length: page.items }, (_, i) => `item${offset + i}`) };
  };
  return { fetch, requests };
}

const options = (extra: Partial<OffsetPagingOptions<string>> = {}): OffsetPagingOptions<string> => ({
  startOffset: 0, pageSize: 10, defaultPageSize: 20, maxPageSize: 100, argument: "filter", signal: undefined, ...extra,
});

async function walk(served: Served[], extra: Partial<OffsetPagingOptions<string>> = {}, continuationToken?: string) {
  const { fetch, requests } = source(served);
  const pages = [];
  for await (const page of offsetPageable(fetch, options(extra)).byPage(continuationToken === undefined ? {} : { continuationToken })) {
    pages.push({ next: page.continuationToken, previous: page.previousToken, items: page.items.length });
  }
  return { pages, requests };
}

/** The first page alone (the source may hold no more). */
async function firstPage(served: Served[], extra: Partial<OffsetPagingOptions<string>> = {}) {
  return (await offsetPageable(source(served).fetch, options(extra)).byPage().next()).value!;
}

describe("offset page tokens in the C# format (OffsetToken)", () => {
  it("reads 'offset' and 'offset:limit' and writes them back unchanged", () => {
    expect(parseOffsetToken("40", 100)).toEqual({ offset: 40, limit: undefined });
    expect(parseOffsetToken("0:3", 100)).toEqual({ offset: 0, limit: 3 });
    expect(parseOffsetToken("7:100", 100)).toEqual({ offset: 7, limit: 100 });
    for (const token of ["0", "40", "0:3", "12:100"]) expect(formatOffsetToken(parseOffsetToken(token, 100))).toBe(token);
  });

  it.each(["", "abc", "-1", "+5", " 5", "5 ", "1e3", "1.5", "0x10", "5:", ":5", "5:0", "5:101", "5:-1", "1:2:3", "99999999999999999999"])(
    "refuses %j as InvalidArgumentError('continuationToken') before sending",
    async (token) => {
      expect(() => parseOffsetToken(token, 100)).toThrow(InvalidArgumentError);
      const { fetch, requests } = source([]);
      const error = await offsetPageable(fetch, options()).byPage({ continuationToken: token }).next().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe("continuationToken");
      expect(requests).toEqual([]);
    },
  );

  it("resumes from a C# 'offset:limit' token: that page with its own limit, then the list's page size", async () => {
    const { pages, requests } = await walk([{ total: 13, items: 3 }, { total: 13, items: 10 }], {}, "0:3");
    expect(requests).toEqual([{ offset: 0, limit: 3 }, { offset: 3, limit: 10 }]);
    expect(pages.map((p) => [p.next, p.previous])).toEqual([["3", undefined], [undefined, "0:3"]]);
  });

  it("the page before one that starts inside the first page is exactly as long as the gap ('0:5'), and it resumes", async () => {
    const page = await firstPage([{ total: 30, items: 10 }], { startOffset: 5 });
    expect(page.previousToken).toBe("0:5");
    const back = await walk([{ total: 30, items: 5 }, { total: 30, items: 10 }, { total: 30, items: 10 }, { total: 30, items: 5 }], {}, page.previousToken);
    expect(back.requests).toEqual([{ offset: 0, limit: 5 }, { offset: 5, limit: 10 }, { offset: 15, limit: 10 }, { offset: 25, limit: 10 }]);
    expect(back.pages.map((p) => p.next)).toEqual(["5", "15", "25", undefined]);
  });

  it("near the start, a gap longer than the service's largest page falls back to a plain '0'", async () => {
    const page = await firstPage([{ total: 400, items: 200 }], { startOffset: 150, pageSize: undefined, defaultPageSize: 200 });
    expect(page.previousToken).toBe("0");
  });
});

describe("the limit the service reports wins for the tokens", () => {
  it("a service that caps 100 to 50 pages by 50: next and previous step by its size", async () => {
    const { pages, requests } = await walk(
      [{ total: 120, limit: 50, items: 50 }, { total: 120, limit: 50, items: 50 }, { total: 120, limit: 50, items: 20 }],
      { pageSize: 100 },
    );
    expect(requests.map((r) => r.offset)).toEqual([0, 50, 100]);
    expect(pages.map((p) => [p.next, p.previous])).toEqual([["50", undefined], ["100", "0"], [undefined, "50"]]);
  });

  it("a smaller reported limit sets the previous page ('15' at 20, not the '10' 10 asked gives)", async () => {
    const page = await firstPage([{ total: 40, limit: 5, items: 5 }], { startOffset: 20 });
    expect(page.previousToken).toBe("15");
    expect(page.continuationToken).toBe("25");
  });

  it("without a total, a page as full as the reported (capped) limit may have more", async () => {
    const { requests } = await walk([{ limit: 50, items: 50 }, { limit: 50, items: 1 }], { pageSize: 100 });
    expect(requests.map((r) => r.offset)).toEqual([0, 50]);
  });

  it("a reported limit that is not a positive whole number is ignored (the limit asked stands)", async () => {
    for (const limit of [0, -5, 2.5, null, "5"] as unknown as number[]) {
      const page = await firstPage([{ total: 40, limit, items: 10 }], { startOffset: 20 });
      expect(page.previousToken).toBe("10");
    }
  });
});

describe("the service's default page size when none is sent and none is reported", () => {
  it("steps back one default page ('0' at 20, not the 10 items this page held)", async () => {
    const { pages, requests } = await walk([{ total: 30, items: 20 }, { total: 30, items: 10 }], { pageSize: undefined, defaultPageSize: 20 });
    expect(requests).toEqual([{ offset: 0, limit: undefined }, { offset: 20, limit: undefined }]);
    expect(pages.map((p) => [p.next, p.previous])).toEqual([["20", undefined], [undefined, "0"]]);
  });

  it("a reported limit still wins over the default when none was sent", async () => {
    const { pages } = await walk(
      [{ total: 45, limit: 20, items: 20 }, { total: 45, limit: 20, items: 20 }, { total: 45, limit: 20, items: 5 }],
      { pageSize: undefined, defaultPageSize: 50 },
    );
    expect(pages.map((p) => p.previous)).toEqual([undefined, "0", "20"]);
  });

  it("without a total, a page of exactly the default size may have more; a shorter one ends", async () => {
    const { requests } = await walk([{ items: 20 }, { items: 19 }], { pageSize: undefined, defaultPageSize: 20 });
    expect(requests).toEqual([{ offset: 0, limit: undefined }, { offset: 20, limit: undefined }]);
  });
});

describe("a list without a total", () => {
  it("continues while a page is full and ends on a short page", async () => {
    const { pages, requests } = await walk([{ items: 10 }, { items: 10 }, { items: 3 }]);
    expect(requests.map((r) => r.offset)).toEqual([0, 10, 20]);
    expect(pages.map((p) => [p.next, p.previous])).toEqual([["10", undefined], ["20", "0"], [undefined, "10"]]);
  });

  it("ends on an empty page after a full one", async () => {
    const { pages, requests } = await walk([{ items: 10 }, { items: 0 }]);
    expect(requests.map((r) => r.offset)).toEqual([0, 10]);
    expect(pages.at(-1)).toEqual({ next: undefined, previous: "0", items: 0 });
  });

  it("ends when a page holds more than asked (the service ignored the limit)", async () => {
    const { pages, requests } = await walk([{ items: 15 }]);
    expect(requests).toHaveLength(1);
    expect(pages[0]!.next).toBeUndefined();
  });

  it("a total that is not a number counts as none", async () => {
    const { requests } = await walk([{ total: null as unknown as number, items: 10 }, { items: 2 }]);
    expect(requests.map((r) => r.offset)).toEqual([0, 10]);
  });

  it("with a total, an empty page still ends a list whose total lies", async () => {
    const { requests } = await walk([{ total: 100, items: 10 }, { total: 100, items: 0 }]);
    expect(requests.map((r) => r.offset)).toEqual([0, 10]);
  });
});

describe("a reported offset that contradicts the request", () => {
  it("loses: the page is the slice asked for, the next follows the offset sent", async () => {
    const { pages, requests } = await walk([{ total: 30, offset: 0, items: 10 }, { total: 30, offset: 0, items: 10 }, { total: 30, offset: 0, items: 10 }]);
    expect(requests.map((r) => r.offset)).toEqual([0, 10, 20]);
    expect(pages.map((p) => [p.next, p.previous])).toEqual([["10", undefined], ["20", "0"], [undefined, "10"]]);
  });

  it("from a service that ignores the offset (the same first item again) ends with a PagingError naming the operation", async () => {
    const sameItems = async (): Promise<OffsetSlice<string>> => ({ items: ["a", "b"], total: undefined, offset: 0, limit: 2 });
    const pageable = offsetPageable(sameItems, options({ pageSize: 2, operation: { service: "TrueFoundry", operationId: "listJobRuns" }, key: (item) => item }));
    const seen: string[] = [];
    const error = await (async () => { for await (const item of pageable) seen.push(item); })().catch((e: unknown) => e);
    expect(seen).toEqual(["a", "b"]);
    expect(error).toBeInstanceOf(PagingError);
    expect((error as PagingError).service).toBe("TrueFoundry");
    expect((error as PagingError).operationId).toBe("listJobRuns");
    expect((error as PagingError).message).toMatch(/ignores the offset/);
  });

  it("reading the same offset twice (a second walk) is no repeat", async () => {
    const { fetch } = source([{ total: 2, offset: 5, items: 2 }, { total: 2, offset: 5, items: 2 }]);
    const pageable = offsetPageable(fetch, options({ key: () => "same-first" }));
    expect(await pageable.toArray()).toHaveLength(2);
    expect(await pageable.toArray()).toHaveLength(2);
  });
});
