/** A signal of one call (or attempt, or run wait) that follows its parents until disposed. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  /** Aborts the linked signal (a timeout of its own), not the parents. */
  abort(reason: unknown): void;
  /** Removes the listeners put on the parents; call it when the call ends, whichever way. */
  dispose(): void;
}

/**
 * Links a new signal to `parents` (undefined ones skipped) without `AbortSignal.any`: that needs Node 20.3 (the
 * package admits every Node 20), and it keeps each signal it makes among the parent's dependants, never pruned while
 * the parent lives (nodejs/node#55351), so a caller's long-lived signal grew with every finished call. Here each
 * parent holds one `abort` listener while the child is in use, removed by `dispose()`.
 */
export function linkSignals(...parents: (AbortSignal | undefined)[]): LinkedSignal {
  const controller = new AbortController();
  const linked: AbortSignal[] = [];
  const onAbort = function (this: AbortSignal) {
    dispose();
    controller.abort(this.reason);
  };
  const dispose = () => {
    for (const parent of linked.splice(0)) parent.removeEventListener("abort", onAbort);
  };
  for (const parent of parents) {
    if (!parent) continue;
    if (parent.aborted) {
      dispose();
      controller.abort(parent.reason);
      break;
    }
    parent.addEventListener("abort", onAbort, { once: true });
    linked.push(parent);
  }
  return {
    signal: controller.signal,
    abort: (reason) => {
      dispose();
      controller.abort(reason);
    },
    dispose,
  };
}
