import { describe, expect, it } from "vitest";
import { AsyncPageable, InvalidArgumentError, Page } from "../../../src/index.js";

describe("Page.fromValues and AsyncPageable.fromPages (C#: Page<T>.FromValues, AsyncPageable<T>.FromPages)", () => {
  it("a page from values: hasMore follows the continuation token unless given", () => {
    expect(Page.fromValues([1, 2])).toEqual({ items: [1, 2], continuationToken: undefined, previousToken: undefined, hasMore: false });
    expect(Page.fromValues([1], { continuationToken: "c2", previousToken: "c0" })).toEqual({ items: [1], continuationToken: "c2", previousToken: "c0", hasMore: true });
    expect(Page.fromValues([], { hasMore: true }).hasMore).toBe(true);
    const values = [1];
    const page = Page.fromValues(values);
    values.push(2);
    expect(page.items).toEqual([1]);
  });

  it("walks every item, the pages as given, any number of times", async () => {
    const list = AsyncPageable.fromPages([Page.fromValues(["a", "b"], { continuationToken: "c2" }), Page.fromValues(["c"])]);
    expect(await list.toArray()).toEqual(["a", "b", "c"]);
    expect(await list.toArray()).toEqual(["a", "b", "c"]);
    const tokens = [];
    for await (const p of list.byPage()) tokens.push(p.continuationToken);
    expect(tokens).toEqual(["c2", undefined]);
  });

  it("resumes after the page that handed out the token, as a service list does; an unknown token is refused", async () => {
    const list = AsyncPageable.fromPages([Page.fromValues([1], { continuationToken: "t1" }), Page.fromValues([2], { continuationToken: "t2" }), Page.fromValues([3])]);
    const items = [];
    for await (const p of list.byPage({ continuationToken: "t1", pageSize: 50 })) items.push(...p.items);
    expect(items).toEqual([2, 3]);
    const error = await list.byPage({ continuationToken: "nope" }).next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe("continuationToken");
  });

  it("no pages is an empty list; a missing page is refused when built", async () => {
    expect(await AsyncPageable.fromPages<number>([]).toArray()).toEqual([]);
    expect(() => AsyncPageable.fromPages([Page.fromValues([1]), undefined as unknown as Page<number>])).toThrow(InvalidArgumentError);
  });

  it("the pages are copied when built", async () => {
    const pages = [Page.fromValues([1])];
    const list = AsyncPageable.fromPages(pages);
    pages.push(Page.fromValues([2]));
    expect(await list.toArray()).toEqual([1]);
  });
});
