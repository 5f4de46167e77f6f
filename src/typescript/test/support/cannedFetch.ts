import { jobBody } from "./agentsetJson.js";

/** A `fetch` answering every request from `answer` without a network; counts the requests it was handed. */
export function cannedFetch(answer: (request: { url: string; init: RequestInit | undefined; n: number }) => Response | Promise<Response>) {
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    seen.push({ url, init });
    return answer({ url, init, n: seen.length });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

/** An Agentset job answer. */
export function jobResponse(id: string, status = "QUEUED", code = 200): Response {
  return new Response(JSON.stringify(jobBody(id, status)), { status: code, headers: { "content-type": "application/json" } });
}

/** A fetch that never answers until its signal aborts (then rejects with the reason, as undici does). */
export function hangingUntilAborted(init: RequestInit | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const signal = init?.signal;
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** The dependants Node's `AbortSignal.any` keeps on a source signal (0 when the runtime has no such slot). */
export function dependantsOf(signal: AbortSignal): number {
  for (const symbol of Object.getOwnPropertySymbols(signal)) {
    if (symbol.description === "kDependantSignals") {
      // Node's internal SafeSet: duck-typed, as it is not an instance of this realm's Set.
      const set = (signal as unknown as Record<symbol, { size?: unknown } | undefined>)[symbol];
      if (typeof set?.size === "number") return set.size;
    }
  }
  return 0;
}

/** Waits `ms` real milliseconds, rejecting with the signal's reason when it aborts first (as undici does). */
export function abortableDelay(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => (signal?.removeEventListener("abort", onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(timer), reject(signal!.reason));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
