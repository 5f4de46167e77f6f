/** One page of a list, with the tokens to resume from. */
export interface Page<T> {
  /** The items of this page, in the service's order. */
  readonly items: readonly T[];
  /** Token of the next page (pass it to `byPage({ continuationToken })` to resume later); undefined on the last page. */
  readonly continuationToken: string | undefined;
  /** Token of the previous page, when the service gives one (Agentset's `prevCursor`; the previous offset). */
  readonly previousToken: string | undefined;
  /** Whether more items follow. */
  readonly hasMore: boolean;
}

/**
 * Builds pages for users' own unit tests (as C#'s `Page<T>.FromValues`; merged with the {@link Page} type, so one
 * import gives both), e.g. with {@link AsyncPageable.fromPages} as what a mocked `list` returns.
 */
export const Page = Object.freeze({
  /**
   * A page shaped like one a service list returns.
   * @param values - the items of the page (copied).
   * @param options - `continuationToken` of the next page (default none: the last page); `previousToken` of the page
   * before (default none); `hasMore` (default: whether a continuation token was given).
   * @returns the page (frozen).
   */
  fromValues<T>(
    values: readonly T[],
    options: { continuationToken?: string | undefined; previousToken?: string | undefined; hasMore?: boolean | undefined } = {},
  ): Page<T> {
    return Object.freeze({
      items: Object.freeze([...values]),
      continuationToken: options.continuationToken,
      previousToken: options.previousToken,
      hasMore: options.hasMore ?? options.continuationToken !== undefined,
    });
  },
});

/** Where `byPage` starts and how big pages are. */
export interface PageOptions {
  /** A token from an earlier page's `continuationToken`/`previousToken`; default the list's own start. */
  // `| undefined` spelled out: a caller's `let saved: string | undefined` must pass under exactOptionalPropertyTypes.
  continuationToken?: string | undefined;
  /** Items per page, within the service's range; default the list's own page size or the service default. */
  pageSize?: number | undefined;
}
