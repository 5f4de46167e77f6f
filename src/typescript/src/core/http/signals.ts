import { getEventListeners } from "node:events";

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

// Attempt controllers kept for reuse. Creating an AbortSignal costs about 5 µs on Node 20 (it is made transferable),
// a tenth of a whole get's CPU (issue 27 §3), and every attempt needs one for its timeout. A controller whose attempt
// ended without aborting and whose signal has no listener left (the SDK's transport removes its own; a fetch that keeps
// one, as undici's does until its Request is collected, is never pooled) is as good as new.
const idleControllers: AbortController[] = [];
const MAX_IDLE_CONTROLLERS = 32;

/** An unaborted AbortController with no listeners on its signal, reused when one is idle. */
export function takeController(): AbortController {
  return idleControllers.pop() ?? new AbortController();
}

/** Hands back an attempt's controller once nothing uses its signal; one that aborted or still has listeners is dropped. */
export function releaseController(controller: AbortController): void {
  const signal = controller.signal;
  if (!signal.aborted && idleControllers.length < MAX_IDLE_CONTROLLERS && getEventListeners(signal, "abort").length === 0) {
    idleControllers.push(controller);
  }
}
