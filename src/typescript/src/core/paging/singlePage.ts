import { InvalidArgumentError } from "../errors/clientErrors.js";
import { AsyncPageable } from "./asyncPageable.js";

/**
 * An {@link AsyncPageable} over a list the service answers in one piece (Astropod deployments and ingestion
 * sources, Shipyard's fleet-runs CSV): one page, no tokens, so every list of the SDK has the same shape.
 * A continuation token given to `byPage` is refused (the list has none to resume from).
 */
export function singlePage<T>(fetch: (signal: AbortSignal | undefined) => Promise<readonly T[]>, signal: AbortSignal | undefined): AsyncPageable<T> {
  return new AsyncPageable<T>(
    async (token, _pageSize, pageSignal) => {
      if (token !== undefined) {
        throw new InvalidArgumentError("continuationToken", "This list is answered in one piece and has no continuation token.");
      }
      return { items: await fetch(pageSignal), continuationToken: undefined, previousToken: undefined, hasMore: false };
    },
    undefined,
    undefined,
    signal,
  );
}
