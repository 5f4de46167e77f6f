"""RateLimitPacer (the C# pacer's rules, as the C# and TypeScript tests state them), on an injected millisecond clock;
the paced refusal through a client against a loopback server."""
from __future__ import annotations

import json

import pytest

import astro_triggers as at
from astro_triggers._core.retry.rate_limit_pacer import MINIMUM_WAIT_MS, PROBE_GRACE_MS, RateLimitPacer

from ...support.function_server import FunctionServer, Seen
from ...support.virtual_clock import VirtualClock

NOW_MS = 1_800_000_000_000.0


class Clock:
    def __init__(self) -> None:
        self.mono = 5_000.0

    def pacer(self) -> RateLimitPacer:
        return RateLimitPacer(lambda: self.mono, lambda: NOW_MS + self.mono)


def window(remaining: int, reset_s: float, limit: int = 100) -> dict[str, str]:
    return {"x-ratelimit-remaining": str(remaining), "x-ratelimit-reset": f"{reset_s}", "x-ratelimit-limit": str(limit)}


def take(pacer: RateLimitPacer, n: int) -> list[int | None]:
    return [pacer.try_acquire().ticket for _ in range(n)]


def test_inactive_until_an_answer_carries_the_headers() -> None:
    pacer = Clock().pacer()
    tickets = take(pacer, 50)
    assert None not in tickets and not pacer.is_active
    pacer.observe({}.get, 200, tickets[0])
    assert not pacer.is_active and pacer.in_flight == 49


def test_a_burst_never_exceeds_what_remains_minus_what_is_in_flight() -> None:
    clock = Clock()
    pacer = clock.pacer()
    first = pacer.try_acquire().ticket
    assert first is not None
    pacer.observe(window(3, 10).get, 200, first)
    got = [pacer.try_acquire() for _ in range(5)]
    assert [g.ticket is not None for g in got] == [True, True, True, False, False]
    refused = got[3]
    assert refused.spent is False and refused.wait_ms == pytest.approx(10_000, abs=2)
    # An answer frees nothing unless it says so: the window now says 1 left, with 2 still in flight.
    pacer.observe(window(1, 10).get, 200, got[0].ticket)  # type: ignore[arg-type]
    assert pacer.try_acquire().ticket is None


def test_a_spent_window_waits_until_its_reset_then_one_probe_goes() -> None:
    clock = Clock()
    pacer = clock.pacer()
    t = pacer.try_acquire().ticket
    pacer.observe(window(0, 2).get, 200, t)  # type: ignore[arg-type]
    refused = pacer.try_acquire()
    assert refused.ticket is None and refused.spent is True
    assert refused.wait_ms == pytest.approx(2_000 + 1, abs=2)  # the reset is rounded down by the server: +1 ms
    clock.mono += refused.wait_ms
    probe = pacer.try_acquire()
    assert probe.ticket is not None
    behind = pacer.try_acquire()
    assert behind.ticket is None and behind.wait_ms == pytest.approx(PROBE_GRACE_MS)


def test_an_older_answer_arriving_late_does_not_undo_a_newer_window() -> None:
    clock = Clock()
    pacer = clock.pacer()
    a, b = pacer.try_acquire().ticket, pacer.try_acquire().ticket
    pacer.observe(window(50, 60).get, 200, b)  # type: ignore[arg-type]  # the newer window, answered first
    pacer.observe(window(0, 1).get, 200, a)  # type: ignore[arg-type]  # an older window's last word, answered late
    assert pacer.try_acquire().ticket is not None


def test_the_same_window_with_fewer_left_is_adopted_with_more_left_is_not() -> None:
    clock = Clock()
    pacer = clock.pacer()
    tickets = take(pacer, 3)
    pacer.observe(window(2, 30).get, 200, tickets[0])  # type: ignore[arg-type]
    pacer.observe(window(9, 30).get, 200, tickets[1])  # type: ignore[arg-type]  # same reset, more left: stale
    pacer.observe(window(1, 30).get, 200, tickets[2])  # type: ignore[arg-type]  # same reset, fewer left: newer
    assert take(pacer, 2) == [4, None]


def test_a_429_hint_wins_over_the_window_it_came_with() -> None:
    clock = Clock()
    pacer = clock.pacer()
    t = pacer.try_acquire().ticket
    pacer.observe({**window(40, 60), "retry-after": "5"}.get, 429, t)  # type: ignore[arg-type]
    refused = pacer.try_acquire()
    assert refused.ticket is None and refused.spent is True
    assert refused.wait_ms == pytest.approx(5_000, abs=1)


def test_every_wait_is_at_least_a_millisecond() -> None:
    clock = Clock()
    pacer = clock.pacer()
    t = pacer.try_acquire().ticket
    pacer.observe(window(0, 0.0002).get, 200, t)  # type: ignore[arg-type]
    clock.mono += 0.5
    got = pacer.try_acquire()
    assert got.ticket is None and got.wait_ms >= MINIMUM_WAIT_MS


def test_an_abandoned_probe_lets_the_next_caller_probe() -> None:
    clock = Clock()
    pacer = clock.pacer()
    t = pacer.try_acquire().ticket
    pacer.observe(window(0, 1).get, 200, t)  # type: ignore[arg-type]
    clock.mono += 1_100
    probe = pacer.try_acquire().ticket
    assert probe is not None and pacer.try_acquire().ticket is None
    pacer.abandon(probe)
    assert pacer.try_acquire().ticket is not None


JOB = {"id": "job_1", "namespaceId": "ns_1", "status": "QUEUED", "payload": {"type": "TEXT", "text": "x"},
       "createdAt": "2026-11-30T10:00:00Z"}


def test_a_call_whose_wait_does_not_fit_its_budget_is_refused_unsent_with_the_paced_fields() -> None:
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        return 200, {"content-type": "application/json", **window(0, 120)}, json.dumps({"success": True, "data": JOB}).encode()

    clock = VirtualClock()
    with FunctionServer(respond) as server, at.AgentsetClient("sk_test_0123456789", base_url=server.url,
                                                              namespace_id="ns_1", clock=clock, timeout=30) as client:
        client.ingest_jobs.get("job_1")
        with pytest.raises(at.PacedRateLimitError) as raised:
            client.ingest_jobs.get("job_1")
        assert len(server.seen) == 1
    error = raised.value
    assert (error.status, error.error_code, error.may_have_been_processed) == (429, "rate_limit_paced", False)
    assert (error.service, error.operation_id) == ("Agentset", "getIngestJob")
    assert error.retry_after == pytest.approx(120, abs=0.01)
    assert clock.sleeps == []


def test_idle_ticket_numbers_attempts_only_while_no_answer_carried_the_headers() -> None:
    # The call runner's shortcut past pacing_decision must number attempts as try_acquire does, and stop once the
    # pacer has a window to judge by.
    pacer = Clock().pacer()
    first, second = pacer.idle_ticket(), pacer.idle_ticket()
    assert (first, second, pacer.in_flight) == (1, 2, 2)
    assert first is not None and second is not None
    pacer.observe(window(10, 60).get, 200, first)
    assert pacer.is_active and pacer.idle_ticket() is None
    assert pacer.try_acquire().ticket == 3


def test_a_429_without_a_window_still_reads_its_hint_once_the_pacer_is_active() -> None:
    # The skip for answers without X-RateLimit-Reset leaves a 429 alone: its Retry-After is the hint.
    clock = Clock()
    pacer = clock.pacer()
    first = pacer.try_acquire().ticket
    assert first is not None
    pacer.observe(window(10, 60).get, 200, first)
    second = pacer.try_acquire().ticket
    assert second is not None
    pacer.observe({"retry-after": "5"}.get, 429, second)
    got = pacer.try_acquire()
    assert got.ticket is None and got.spent and 4_000 <= got.wait_ms <= 5_001
