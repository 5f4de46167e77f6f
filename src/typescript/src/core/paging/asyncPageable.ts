import { InvalidArgumentError, PagingError } from "../errors/clientErrors.js";
import type { Page, PageOptions } from "./page.js";

/** Fetches one page: the token (undefined for the first page), the page size, and the signal. */
export type PageFetcher<T> = (token: string | undefined, pageSize: number | undefined, signal: AbortSignal | undefined) => Promise<Page<T>>;

/**
 * A lazily fetched list: `for await (const item of list)` walks every item, fetching one page at a time
 * (constant memory however many pages); `list.byPage({ continuationToken, pageSize })` walks pages and exposes
 * the tokens to persist and resume from. A service that repeats a cursor, or says more items follow without
 * one, ends the walk with a {@link PagingError} instead of looping. The list's `signal` is checked before
 * every page.
 */
export class AsyncPageable<T> implements AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<T>;
  readonly #initialToken: string | undefined;
  readonly #pageSize: number | undefined;
  readonly #signal: AbortSignal | undefined;

  /** @internal Built by the clients' list operations. */
  constructor(fetchPage: PageFetcher<T>, initialToken: string | undefined, pageSize: number | undefined, signal: AbortSignal | undefined) {
    this.#fetchPage = fetchPage;
    this.#initialToken = initialToken;
    this.#pageSize = pageSize;
    this.#signal = signal;
  }

  /**
   * A pageable over pages you give, for your own unit tests (as C#'s `AsyncPageable<T>.FromPages`), e.g. what a
   * mocked `list` returns: `for await` yields every item of every page in order; `byPage()` yields the pages as given,
   * fetching nothing. `byPage({ continuationToken })` resumes as a service list does: from the page *after* the one
   * whose `continuationToken` equals it (a token no page handed out throws `InvalidArgumentError("continuationToken")`
   * on the first read). Pages are not checked against each other (`hasMore`, tokens) and `pageSize` is ignored. The
   * pages are copied now; the pageable can be walked any number of times.
   * @param pages - the pages in order (e.g. from `Page.fromValues`); none for an empty list.
   * @throws InvalidArgumentError when a page is missing (null or undefined).
   */
  static fromPages<T>(pages: Iterable<Page<T>>): AsyncPageable<T> {
    return new StaticAsyncPageable<T>([...pages]);
  }

  /** Walks the pages from `continuationToken` (default: the start of the list). */
  async *byPage(options: PageOptions = {}): AsyncGenerator<Page<T>, void, undefined> {
    let token = options.continuationToken ?? this.#initialToken;
    const size = options.pageSize ?? this.#pageSize;
    const seen = new Set<string>();
    if (token !== undefined) seen.add(token);
    for (;;) {
      this.#signal?.throwIfAborted();
      const page = await this.#fetchPage(token, size, this.#signal);
      yield page;
      if (!page.hasMore) return;
      token = page.continuationToken;
      if (token === undefined || token === "") {
        throw new PagingError("The service said more items follow but gave no cursor to fetch them.");
      }
      if (seen.has(token)) throw new PagingError(`The service returned cursor '${token}' a second time; stopping instead of looping.`);
      seen.add(token);
    }
  }

  /** Every item of every page, fetched lazily. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.byPage()) yield* page.items;
  }

  /** Collects every item into an array (convenient for small lists; prefer `for await` for large ones). */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const item of this) all.push(item);
    return all;
  }
}

/** The pageable behind {@link AsyncPageable.fromPages}: pages held in memory (C#: StaticAsyncPageable). */
class StaticAsyncPageable<T> extends AsyncPageable<T> {
  readonly #pages: readonly Page<T>[];

  constructor(pages: Page<T>[]) {
    super(() => Promise.reject(new Error("unreachable")), undefined, undefined, undefined);
    pages.forEach((page, i) => {
      if (page === null || page === undefined) {
        throw new InvalidArgumentError("pages", `Page ${i} is missing; give an empty page (Page.fromValues([])) instead.`);
      }
    });
    this.#pages = Object.freeze(pages);
  }

  override async *byPage(options: PageOptions = {}): AsyncGenerator<Page<T>, void, undefined> {
    let start = 0;
    if (options.continuationToken !== undefined) {
      start = this.#pages.findIndex((p) => p.continuationToken === options.continuationToken) + 1;
      if (start === 0) {
        throw new InvalidArgumentError(
          "continuationToken",
          `'continuationToken' must be the continuationToken of one of the pages given to fromPages (was '${options.continuationToken}').`,
        );
      }
    }
    // Pages follow one another asynchronously, as from a service, so callers' code runs as it will in production.
    for (const page of this.#pages.slice(start)) yield await Promise.resolve(page);
  }
}
