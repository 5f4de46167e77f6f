import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_TIMER_DELAY, realTimer, systemClock } from "../../../src/core/http/clock.js";

const THIRTY_DAYS = 2_592_000_000;

afterEach(() => vi.useRealTimers());

// Issue 27 §2, "Timeouts beyond 2^31−1 ms fire at once": setTimeout overflows to 1 ms; the clock chains timers instead.
describe("real timers of any length", () => {
  it("a 30-day timer fires after 30 days, never asking setTimeout for more than 2^31-1 ms", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const asked: number[] = [];
    const original = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms: number) => (asked.push(ms), original(fn, ms))) as typeof setTimeout);
    const fired = vi.fn();
    realTimer(THIRTY_DAYS, fired);
    vi.advanceTimersByTime(THIRTY_DAYS - 1);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(asked.length).toBeGreaterThan(1);
    expect(Math.max(...asked)).toBeLessThanOrEqual(MAX_TIMER_DELAY);
    spy.mockRestore();
  });

  it("cancelling a chained timer stops it, whichever link is pending", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const fired = vi.fn();
    const cancel = realTimer(THIRTY_DAYS, fired);
    vi.advanceTimersByTime(MAX_TIMER_DELAY + 10);
    cancel();
    vi.advanceTimersByTime(THIRTY_DAYS);
    expect(fired).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a 30-day sleep is pending after 2^31 ms, and an abort ends it with the reason, leaving no timer or listener", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const controller = new AbortController();
    let settled = false;
    const sleeping = systemClock.sleep(THIRTY_DAYS, controller.signal).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_DELAY + 1);
    expect(settled).toBe(false);
    controller.abort("stop");
    await expect(sleeping).rejects.toBe("stop");
    expect(vi.getTimerCount()).toBe(0);
  });
});

// Issue 27 §2, "Deadlines on the wall clock": the system clock's monotonic reading is performance.now(), not Date.now().
describe("the system clock", () => {
  it("reads elapsed time on performance.now(), unmoved by a stepped Date.now", () => {
    const before = systemClock.monotonic();
    const step = vi.spyOn(Date, "now").mockReturnValue(Date.now() + 7_200_000);
    expect(systemClock.monotonic() - before).toBeLessThan(1_000);
    expect(systemClock.now()).toBeGreaterThan(Date.UTC(2000, 0));
    step.mockRestore();
  });
});
