import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_TIMER_DELAY, sharedTimer } from "../../../src/core/http/clock.js";

const refTimeouts = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

afterEach(() => vi.useRealTimers());

// Issue 27 §3: the timeouts of every attempt share one real timer; none keeps the process alive once its call ended.
describe("the shared timer", () => {
  it("fires each deadline once, in order, and a cancelled one never", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const fired: string[] = [];
    sharedTimer(300, () => fired.push("300"));
    const cancel = sharedTimer(200, () => fired.push("200"));
    sharedTimer(100, () => fired.push("100"));
    cancel();
    vi.advanceTimersByTime(99);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(["100"]);
    vi.advanceTimersByTime(200);
    expect(fired).toEqual(["100", "300"]);
  });

  it("chains past 2^31-1 ms: a 30-day deadline fires after 30 days", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const fired = vi.fn();
    sharedTimer(2_592_000_000, fired);
    vi.advanceTimersByTime(MAX_TIMER_DELAY + 10);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_592_000_000);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it("holds the process open only while a deadline is pending", async () => {
    const before = refTimeouts();
    const cancelA = sharedTimer(60_000, () => {});
    const cancelB = sharedTimer(30_000, () => {});
    expect(refTimeouts()).toBe(before + 1);
    cancelA();
    expect(refTimeouts()).toBe(before + 1);
    cancelB();
    expect(refTimeouts()).toBe(before);
    // A later deadline re-uses the armed timer, holding the process again until it is cancelled or fires.
    let fired = false;
    sharedTimer(5, () => (fired = true));
    expect(refTimeouts()).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(fired).toBe(true);
    expect(refTimeouts()).toBe(before);
  });
});
