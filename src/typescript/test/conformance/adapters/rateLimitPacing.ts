import { PacedRateLimitError } from "../../../src/core/errors/pacedRateLimitError.js";
import type { Clock } from "../../../src/core/http/clock.js";
import { pacingDecision, RateLimitPacer } from "../../../src/core/retry/rateLimitPacer.js";
import type { JsonObject } from "../suite.js";

/**
 * rate-limit-pacing: {start, events} → {decisions} through RateLimitPacer and pacingDecision (what acquireSlot does
 * before each attempt), on a clock moved to each event's `atMs`. Each `go` keeps its ticket under the acquire's name,
 * for the answer or abandon that ends that attempt.
 */
export function rateLimitPacing(input: JsonObject): JsonObject {
  const start = Date.parse(input["start"] as string);
  let elapsed = 0;
  const clock: Clock = {
    now: () => start + elapsed,
    monotonic: () => elapsed,
    sleep: () => Promise.reject(new Error("the rule's adapter never sleeps")),
  };
  const pacer = new RateLimitPacer(clock);
  const tickets = new Map<string, number>();
  const decisions: JsonObject[] = [];
  const ticketOf = (name: string) => {
    const ticket = tickets.get(name);
    if (ticket === undefined) throw new Error(`attempt '${name}' was never sent`);
    tickets.delete(name);
    return ticket;
  };
  for (const event of input["events"] as JsonObject[]) {
    const at = event["atMs"] as number;
    if (at < elapsed) throw new Error(`events go forward in time (${at} after ${elapsed})`);
    elapsed = at;
    if (typeof event["acquire"] === "string") {
      const name = event["acquire"];
      const budget = typeof event["budgetMs"] === "number" ? event["budgetMs"] : Number.POSITIVE_INFINITY;
      const decision = pacingDecision(pacer, budget);
      if (decision.kind === "go") {
        tickets.set(name, decision.ticket);
        decisions.push({ acquire: name, decision: "go" });
      } else if (decision.kind === "wait") {
        decisions.push({ acquire: name, decision: "wait", waitMs: decision.wait });
      } else {
        const error = new PacedRateLimitError("Agentset", "getIngestJob", "GET", decision.retryAfter);
        decisions.push({
          acquire: name,
          decision: "paced",
          retryAfterMs: error.retryAfter ?? null,
          status: error.status,
          errorCode: error.errorCode ?? null,
          mayHaveBeenProcessed: error.mayHaveBeenProcessed,
        });
      }
    } else if (typeof event["answer"] === "string") {
      pacer.observe(new Headers((event["headers"] as Record<string, string> | undefined) ?? {}), event["status"] as number, ticketOf(event["answer"]));
    } else if (typeof event["abandon"] === "string") {
      pacer.abandon(ticketOf(event["abandon"]));
    } else {
      throw new Error(`unknown event ${JSON.stringify(event)}`);
    }
  }
  return { decisions };
}
