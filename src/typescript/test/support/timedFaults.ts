import { expect, vi } from "vitest";
import { VirtualClock } from "./virtualClock.js";

/**
 * A virtual clock that also runs the client's attempt and call timeouts (issue 27 §3: no test relies on a real-time
 * budget under a second). A real 150 ms budget flakes on a loaded machine: the good second answer can miss it too.
 */
export const timedClock = () => new VirtualClock(undefined, { timers: true });

/**
 * Resolves once the scripted server has seen `count` requests, so a test moves virtual time (a timeout, an abort)
 * after the request left, never before it: an event, not a guess at how long sending takes.
 */
export async function serverSaw(server: { requests: readonly unknown[] }, count: number): Promise<void> {
  await vi.waitFor(() => expect(server.requests.length).toBeGreaterThanOrEqual(count), { timeout: 5_000, interval: 2 });
}
