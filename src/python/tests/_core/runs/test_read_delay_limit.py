"""No sleep inside a wait's status read passes the wait's deadline (conformance rule ``poll-schedule``): the client's
retry delay and the rate-limit pacer's wait are bounded by it, sync and async, single runs and groups; a read outside
a wait still retries and paces as before. Over loopback on a virtual clock (the pacer's own waits are real time: a test
that hung in one would take a minute, so each also bounds the real time taken)."""
from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest

import astro_triggers as at
from astro_triggers.agentset import IngestJob

from ...support.function_server import FunctionServer, Seen
from ...support.virtual_clock import VirtualClock

J = {"content-type": "application/json"}
LIMITED = b'{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow"}}'


def job(status: str, job_id: str = "job_1") -> dict[str, Any]:
    return {"id": job_id, "namespaceId": "ns_1", "status": status, "error": None,
            "payload": {"type": "TEXT", "text": "x"}, "createdAt": "2026-11-30T10:00:00Z"}


def one(status: str) -> bytes:
    return json.dumps({"success": True, "data": job(status)}).encode()


def page(*jobs: dict[str, Any]) -> bytes:
    return json.dumps({"success": True, "data": list(jobs),
                       "pagination": {"nextCursor": None, "prevCursor": None, "hasMore": False}}).encode()


def clock_now() -> VirtualClock:
    # The wall clock starts at the real time: the loopback server's Date header then agrees with it, so an Agentset
    # reset moment (Unix ms) is read against the virtual clock.
    return VirtualClock(now=time.time())


def agentset_429(clock: VirtualClock, ahead: float) -> dict[str, str]:
    """Agentset's 429: Retry-After and X-RateLimit-Reset are the reset moment in Unix ms, ``ahead`` seconds on."""
    reset = str(int((clock.now() + ahead) * 1000))
    return {**J, "retry-after": reset, "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": reset}


def first_then(first: Any, then: bytes) -> FunctionServer:
    """Answers the first request with ``first(seen)`` (status, headers, body), every later one 200 ``then``; records
    the virtual times of the requests in ``server.at``."""
    box: list[FunctionServer] = []

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        server = box[0]
        server.at.append(server.clock.monotonic() - 1000)  # type: ignore[attr-defined]
        return first(seen) if len(server.seen) == 1 else (200, dict(J), then)
    box.append(FunctionServer(respond))
    return box[0]


def serve(clock: VirtualClock, first: Any, then: bytes) -> FunctionServer:
    server = first_then(first, then)
    server.clock, server.at = clock, []  # type: ignore[attr-defined]
    return server


def wait(flavour: str, url: str, clock: VirtualClock, **options: float) -> at.RunHandle[object]:
    """A wait with the client's default retries on (the layer the delay limit bounds)."""
    if flavour == "sync":
        with at.AgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1", clock=clock) as client:
            return client.ingest_jobs.track("job_1").wait_for_completion(**options)  # type: ignore[arg-type]

    async def main() -> at.RunHandle[object]:
        async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1",
                                          clock=clock) as client:
            return await client.ingest_jobs.track("job_1").wait_for_completion(**options)  # type: ignore[arg-type]
    return asyncio.run(main())


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_an_agentset_429_resetting_past_the_deadline_ends_the_wait_at_it_with_one_read_sent(flavour: str) -> None:
    clock = clock_now()
    started = time.monotonic()
    with serve(clock, lambda seen: (429, agentset_429(clock, 60), LIMITED), one("COMPLETED")) as server:
        with pytest.raises(at.RunWaitTimeoutError) as raised:
            wait(flavour, server.url, clock, poll_interval=1, timeout=2)
    # The read at 0 is not retried (its 60 s delay ends past the deadline); the wait backs off to the deadline; the
    # read at the deadline is refused by the pacer (the window is spent for 58 s more): nothing sent, the timeout.
    assert len(server.seen) == 1
    assert clock.sleeps == [2.0]
    assert (raised.value.timeout, raised.value.polls) == (2, 0)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_503_retry_after_past_the_deadline_is_not_retried_inside_the_read_and_the_deadline_read_decides(
        flavour: str) -> None:
    clock = clock_now()
    with serve(clock, lambda seen: (503, {**J, "retry-after": "10"}, LIMITED), one("COMPLETED")) as server:
        run = wait(flavour, server.url, clock, poll_interval=30, timeout=2)
    # Before: the sync client slept the 10 s inside the first read and returned at 10 s.
    assert run.status == "succeeded"
    assert server.at == [0.0, 2.0]  # type: ignore[attr-defined]
    assert clock.sleeps == [2.0]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_group_s_throttled_list_read_sleeps_no_longer_than_its_runs_deadline(flavour: str) -> None:
    clock = clock_now()
    started = time.monotonic()
    tracked = [IngestJob.from_json(job("QUEUED", "job_a")), IngestJob.from_json(job("QUEUED", "job_b"))]
    with serve(clock, lambda seen: (429, agentset_429(clock, 60), LIMITED),
               page(job("COMPLETED", "job_a"), job("COMPLETED", "job_b"))) as server:
        if flavour == "sync":
            with at.AgentsetClient("sk_test_0123456789", base_url=server.url, namespace_id="ns_1",
                                   clock=clock) as client:
                results = at.RunGroup([client.ingest_jobs.track(j) for j in tracked], timeout=2).wait_for_all()
        else:
            async def main() -> list[at.RunResult[Any]]:
                async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=server.url, namespace_id="ns_1",
                                                  clock=clock) as client:
                    group = at.AsyncRunGroup([client.ingest_jobs.track(j) for j in tracked], timeout=2)
                    return await group.wait_for_all()
            results = asyncio.run(main())
    # The list read at 1 s is not retried (the reset is 59 s past the deadline); the read at 2 s is not sent.
    assert len(server.seen) == 1 and server.at == [1.0]  # type: ignore[attr-defined]
    assert clock.sleeps == [1.0, 1.0]
    assert all(isinstance(r.error, at.RunWaitTimeoutError) for r in results)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_read_outside_a_wait_still_retries_its_retry_after(flavour: str) -> None:
    clock = clock_now()
    with serve(clock, lambda seen: (503, {**J, "retry-after": "10"}, LIMITED), one("COMPLETED")) as server:
        if flavour == "sync":
            with at.AgentsetClient("sk_test_0123456789", base_url=server.url, namespace_id="ns_1",
                                   clock=clock) as client:
                status = client.ingest_jobs.track("job_1").update_status()
        else:
            async def main() -> at.RunStatus:
                async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=server.url, namespace_id="ns_1",
                                                  clock=clock) as client:
                    return await client.ingest_jobs.track("job_1").update_status()
            status = asyncio.run(main())
    assert status == "succeeded"
    assert clock.sleeps == [10.0] and server.at == [0.0, 10.0]  # type: ignore[attr-defined]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_read_outside_a_wait_still_waits_for_the_pacer(flavour: str) -> None:
    # The real clock: the pacer's waits are real time. The first read says the window is spent for 300 ms more; the
    # second waits for the reset in the pacer, then is sent.
    box: list[FunctionServer] = []

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if len(box[0].seen) == 1:
            reset = str(int(time.time() * 1000) + 300)
            return 200, {**J, "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset}, \
                one("PROCESSING")
        return 200, dict(J), one("COMPLETED")
    box.append(FunctionServer(respond))
    with box[0] as server:
        if flavour == "sync":
            with at.AgentsetClient("sk_test_0123456789", base_url=server.url, namespace_id="ns_1") as client:
                run = client.ingest_jobs.track("job_1")
                run.update_status()
                started = time.monotonic()
                status = run.update_status()
        else:
            async def main() -> tuple[at.RunStatus, float]:
                async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=server.url,
                                                  namespace_id="ns_1") as client:
                    run = client.ingest_jobs.track("job_1")
                    await run.update_status()
                    begun = time.monotonic()
                    return await run.update_status(), begun
            status, started = asyncio.run(main())
        waited = time.monotonic() - started
    assert status == "succeeded" and len(server.seen) == 2
    assert 0.2 <= waited < 5
