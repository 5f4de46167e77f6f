import { describe, expect, it } from "vitest";
import type { Clock } from "../../../src/core/http/clock.js";
import { PROBE_GRACE_MS, pacingDecision, RateLimitPacer } from "../../../src/core/retry/rateLimitPacer.js";

// Issue 25 §1's property tests, for the TypeScript pacer: many callers on one pacer against a simulated service in
// virtual time, answers arriving out of order (random latencies on the way there and back), seeded so a failure repeats.

/** Small seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  calls: number;
  ended: number;
  refusedAfterPicture: number;
  elapsed: number;
  longestWaitPastReset: number;
}

/**
 * `callers` callers each make `perCaller` calls in a row against a service of `limit` requests per sliding `windowMs`
 * (honest: Remaining after counting, reset when the oldest counted request leaves; a 429 beyond the limit, its
 * Retry-After and reset in Unix ms as Agentset sends). A caller asks the pacer before each attempt; on a wait it asks
 * again at the wait's end or on the next answer, whichever comes first; after a 429 it retries after the hint.
 */
function simulate(seed: number, callers: number, perCaller: number, limit: number, windowMs: number): Run {
  const rnd = random(seed);
  const start = Date.parse("2026-03-01T12:00:00Z");
  let now = 0;
  const clock: Clock = { now: () => start + now, monotonic: () => now, sleep: () => Promise.reject(new Error("not used")) };
  const pacer = new RateLimitPacer(clock);
  const queue: { at: number; seq: number; run: () => void }[] = [];
  let seq = 0;
  const at = (time: number, run: () => void) => queue.push({ at: time, seq: seq++, run });
  const counted: number[] = [];
  const waiting = new Set<() => void>();
  let furthestReset = 0;
  let picture = false;
  const run: Run = { calls: callers * perCaller, ended: 0, refusedAfterPicture: 0, elapsed: 0, longestWaitPastReset: 0 };

  const wake = () => {
    const all = [...waiting];
    waiting.clear();
    for (const ask of all) ask();
  };

  const call = (left: number) => {
    if (left === 0) return;
    let token = 0;
    const ask = () => {
      const mine = ++token;
      const decision = pacingDecision(pacer, Number.POSITIVE_INFINITY);
      if (decision.kind === "wait") {
        // Held with nothing at the service for us: never past the furthest reset announced (and one probe's grace).
        run.longestWaitPastReset = Math.max(run.longestWaitPastReset, now + decision.wait - Math.max(furthestReset, now) - PROBE_GRACE_MS);
        const again = () => {
          if (mine === token) ask();
        };
        waiting.add(again);
        at(now + decision.wait, () => {
          waiting.delete(again);
          again();
        });
        return;
      }
      if (decision.kind === "paced") throw new Error("an unbounded call is never refused");
      const ticket = decision.ticket;
      const sentWithPicture = picture;
      const there = 1 + Math.floor(rnd() * 100);
      const back = 1 + Math.floor(rnd() * 100);
      at(now + there, () => {
        while (counted.length > 0 && counted[0]! <= now - windowMs) counted.shift();
        const refused = counted.length >= limit;
        if (!refused) counted.push(now);
        const reset = (counted[0] ?? now) + windowMs;
        const headers = new Headers({
          "x-ratelimit-limit": String(limit),
          "x-ratelimit-remaining": String(Math.max(limit - counted.length, 0)),
          "x-ratelimit-reset": String(start + reset),
        });
        if (refused) headers.set("retry-after", String(start + reset));
        at(now + back, () => {
          furthestReset = Math.max(furthestReset, reset);
          picture = true;
          pacer.observe(headers, refused ? 429 : 200, ticket);
          if (refused) {
            if (sentWithPicture) run.refusedAfterPicture++;
            at(reset, ask);
          } else {
            run.ended++;
            at(now, () => call(left - 1));
          }
          wake();
        });
      });
    };
    ask();
  };

  for (let c = 0; c < callers; c++) call(perCaller);
  for (let steps = 0; queue.length > 0; steps++) {
    if (steps > 2_000_000) throw new Error(`no end after ${steps} steps: ${pacer}`);
    queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = queue.shift()!;
    // No event runs at a moment before the one before it: every wait moves the clock forward or stays.
    now = Math.max(now, next.at);
    next.run();
  }
  run.elapsed = now;
  return run;
}

describe("RateLimitPacer in virtual time (seeded property runs)", () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
  for (const seed of seeds) {
    it(`seed ${seed}: every call ends, no wait past the furthest reset announced, throughput >= 0.9 of the limit`, () => {
      const rnd = random(seed * 7919);
      const limit = 5 + Math.floor(rnd() * 20);
      const callers = 1 + Math.floor(rnd() * 3 * limit);
      const windowMs = 10_000;
      const perCaller = Math.ceil((limit * 6) / callers);
      const run = simulate(seed, callers, perCaller, limit, windowMs);
      expect(run.ended).toBe(run.calls);
      // Known gap, shared with C#'s rules (open, see the branch's report): the probe after a sliding window's reset can
      // meet a full window when attempts counted after the adopted answer are still in flight; such a 429 is retried
      // after its hint and the call still ends. Bounded here so a regression that multiplies them fails.
      expect(run.refusedAfterPicture).toBeLessThanOrEqual(Math.ceil(run.elapsed / windowMs));
      expect(run.longestWaitPastReset).toBeLessThanOrEqual(0);
      // Throughput: at least 0.9 of the limit over the run (the last window is partly used).
      const windows = Math.ceil(run.calls / limit);
      expect(run.elapsed).toBeLessThanOrEqual((windows / 0.9) * windowMs);
    });
  }
});
