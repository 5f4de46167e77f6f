"""The input that breaks Agentset's own Python SDK: a create answered 429 with ``Retry-After`` = the reset moment in
Unix milliseconds 1.5 s ahead. Speakeasy's SDK reads it as seconds (the sync client raises OverflowError, the async
one sleeps forever); ours waits about 1.5 s and creates exactly one job, in both flavours. Asserted: the wait the SDK
chose, the attempts, and what the server saw — never the wall clock."""
from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import astro_triggers as at
from astro_triggers.agentset import CreateIngestJobRequest, TextPayload

from ..support.canned_server import CannedServer
from ..support.recording_clock import RecordingClock

JOB = {"id": "job_1", "namespaceId": "ns_1", "status": "QUEUED", "payload": {"type": "TEXT", "text": "hello"},
       "createdAt": "2026-11-30T10:00:00Z"}


def _answers() -> list[Any]:
    def rate_limited() -> tuple[int, dict[str, str], bytes]:
        reset = int(time.time() * 1000) + 1500
        return 429, {"Content-Type": "application/json", "Retry-After": str(reset)}, \
            b'{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow down"}}'

    def created() -> tuple[int, dict[str, str], bytes]:
        return 201, {"Content-Type": "application/json"}, json.dumps({"success": True, "data": JOB}).encode()
    return [rate_limited, created]


def _check(server: CannedServer, clock: RecordingClock, job_id: str) -> None:
    assert job_id == "job_1"
    assert [(m, p) for m, p, _ in server.seen] == [("POST", "/v1/namespace/ns_1/ingest-jobs")] * 2
    assert len(clock.sleeps) == 1
    # The reset moment was 1.5 s after the answer was made; the wait is measured from the client's own clock.
    assert 1.2 <= clock.sleeps[0] <= 1.5


def test_sync_create_waits_for_the_unix_ms_reset_and_creates_one_job() -> None:
    clock = RecordingClock()
    with CannedServer(_answers()) as server, at.AgentsetClient("sk_test_0123456789", base_url=server.url,
                                                                namespace_id="ns_1", clock=clock) as client:
        job = client.ingest_jobs.create(CreateIngestJobRequest(payload=TextPayload(text="hello")))
        _check(server, clock, job.id)


def test_async_create_waits_for_the_unix_ms_reset_and_creates_one_job() -> None:
    clock = RecordingClock()

    async def main() -> str:
        async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=server.url, namespace_id="ns_1",
                                          clock=clock) as client:
            job = await client.ingest_jobs.create(CreateIngestJobRequest(payload=TextPayload(text="hello")))
            return job.id

    with CannedServer(_answers()) as server:
        _check(server, clock, asyncio.run(main()))


def test_a_reset_beyond_max_delay_is_raised_not_slept() -> None:
    clock = RecordingClock()
    with CannedServer(_answers()) as server, at.AgentsetClient(
            "sk_test_0123456789", base_url=server.url, namespace_id="ns_1", clock=clock,
            retry=at.RetryOptions(max_delay=1.0)) as client:
        try:
            client.ingest_jobs.create({"payload": {"type": "TEXT", "text": "hello"}})
            raise AssertionError("expected RateLimitExceededError")
        except at.RateLimitExceededError as error:
            assert error.may_have_been_processed is False
            assert error.retry_after is not None and 1.2 <= error.retry_after <= 1.5
            assert "sk_test_0123456789" not in str(error) + repr(error)
    assert clock.sleeps == [] and len(server.seen) == 1
