/** A token provider that hands out a new token when asked to refresh, and records how it was called. */
export class AstropodLikeProvider {
  readonly first = "tok_first_0123456789";
  readonly second = "tok_second_0123456789";
  readonly calls: boolean[] = [];
  #refreshed = false;

  provide = async (forceRefresh: boolean): Promise<string> => {
    this.calls.push(forceRefresh);
    if (forceRefresh) this.#refreshed = true;
    return this.#refreshed ? this.second : this.first;
  };
}
