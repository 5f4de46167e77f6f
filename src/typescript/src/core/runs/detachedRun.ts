import { UnsupportedOperationError } from "../errors/clientErrors.js";

/**
 * @internal The status source of a run handle a model factory built (as C#'s DetachedRun): there is no client behind
 * it. Reading gives back the object it was built with while that is final, so `waitForCompletion()` returns (or throws
 * `RunFailedError`) at once, as from a client; for any other state, and for `cancel()`, it fails with an
 * {@link UnsupportedOperationError} that says why (a test learns at once instead of hanging).
 */
export const DetachedRun = Object.freeze({
  /** @param run - the handle being built (asked when read: its status comes from `value`). */
  read<T>(service: string, factory: string, id: string, value: T, run: () => { readonly isCompleted: boolean }) {
    return (): Promise<T> => (run().isCompleted ? Promise.resolve(value) : Promise.reject(noClient(service, factory, id, "read its status")));
  },
  cancel(service: string, factory: string, id: string) {
    return (): Promise<void> => Promise.reject(noClient(service, factory, id, "cancel it"));
  },
});

function noClient(service: string, factory: string, id: string, action: string): UnsupportedOperationError {
  return new UnsupportedOperationError(
    `${service} run '${id}' was built by ${factory} without a client, so it cannot ${action}. Build it in a final state ` +
      "(waitForCompletion then returns at once), or mock the handle's methods.",
    { service },
  );
}
