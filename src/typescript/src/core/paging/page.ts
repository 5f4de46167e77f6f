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

/** Where `byPage` starts and how big pages are. */
export interface PageOptions {
  /** A token from an earlier page's `continuationToken`/`previousToken`; default the list's own start. */
  // `| undefined` spelled out: a caller's `let saved: string | undefined` must pass under exactOptionalPropertyTypes.
  continuationToken?: string | undefined;
  /** Items per page, within the service's range; default the list's own page size or the service default. */
  pageSize?: number | undefined;
}
