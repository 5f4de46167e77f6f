"""pacing_decision on an injected clock: go, wait (capped by the budget) and paced, as the call runners use it."""
from __future__ import annotations

import httpx

from astro_triggers._core.retry.rate_limit_pacer import RateLimitPacer, pacing_decision

START = 1_767_225_600_000.0


def test_go_wait_and_paced() -> None:
    elapsed = [0.0]
    pacer = RateLimitPacer(lambda: elapsed[0], lambda: START + elapsed[0])
    first = pacing_decision(pacer, float("inf"))
    assert first.kind == "go" and first.ticket is not None
    spent = httpx.Headers({"X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "60"})
    pacer.observe(spent.get, 200, first.ticket)
    assert pacing_decision(pacer, 120_000).kind == "wait"
    assert pacing_decision(pacer, 120_000).wait_ms == 60_001  # the reset, +1 ms for the server's rounding
    paced = pacing_decision(pacer, 15_000)
    assert (paced.kind, paced.wait_ms) == ("paced", 60_001)
    elapsed[0] = 60_001
    assert pacing_decision(pacer, 15_000).kind == "go"  # the probe after the reset
