from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from astro_triggers import PacedRateLimitError
from astro_triggers._core.retry.rate_limit_pacer import RateLimitPacer, pacing_decision


def rate_limit_pacing(case: dict[str, Any]) -> dict[str, Any]:
    """rate-limit-pacing: {start, events} → {decisions} through RateLimitPacer and pacing_decision (what the call
    runners do before each attempt), on a clock moved to each event's ``atMs``. Each ``go`` keeps its ticket under the
    acquire's name, for the answer or abandon that ends that attempt."""
    start = datetime.fromisoformat(case["start"].replace("Z", "+00:00")).timestamp() * 1000
    elapsed = 0.0
    pacer = RateLimitPacer(lambda: elapsed, lambda: start + elapsed)
    tickets: dict[str, int] = {}
    decisions: list[dict[str, Any]] = []

    def ticket_of(name: str) -> int:
        if name not in tickets:
            raise ValueError(f"attempt {name!r} was never sent")
        return tickets.pop(name)

    for event in case["events"]:
        at = float(event["atMs"])
        if at < elapsed:
            raise ValueError(f"events go forward in time ({at} after {elapsed})")
        elapsed = at
        if isinstance(event.get("acquire"), str):
            name = event["acquire"]
            budget = float(event["budgetMs"]) if isinstance(event.get("budgetMs"), (int, float)) else float("inf")
            decision = pacing_decision(pacer, budget)
            if decision.kind == "go":
                assert decision.ticket is not None
                tickets[name] = decision.ticket
                decisions.append({"acquire": name, "decision": "go"})
            elif decision.kind == "wait":
                decisions.append({"acquire": name, "decision": "wait", "waitMs": decision.wait_ms})
            else:
                error = PacedRateLimitError("Agentset", "getIngestJob", "GET", decision.wait_ms / 1000)
                decisions.append({
                    "acquire": name, "decision": "paced",
                    "retryAfterMs": None if error.retry_after is None else round(error.retry_after * 1000, 6),
                    "status": error.status, "errorCode": error.error_code,
                    "mayHaveBeenProcessed": error.may_have_been_processed})
        elif isinstance(event.get("answer"), str):
            headers = httpx.Headers(event.get("headers") or {})
            pacer.observe(headers.get, int(event["status"]), ticket_of(event["answer"]))
        elif isinstance(event.get("abandon"), str):
            pacer.abandon(ticket_of(event["abandon"]))
        else:
            raise ValueError(f"unknown event {event!r}")
    return {"decisions": decisions}
