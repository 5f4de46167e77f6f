"""Run handles' waits over loopback on an injected clock: the poll schedule's waits, the timeout (RunWaitTimeoutError,
may_have_been_processed, the last status kept), a 429 while polling waited out, a failed run raised, and cancel."""
from __future__ import annotations

import asyncio
import json

import pytest

import astro_triggers as at

from ...support.function_server import FunctionServer, Seen
from ...support.virtual_clock import VirtualClock


def job(status: str, error: str | None = None) -> bytes:
    return json.dumps({"success": True, "data": {
        "id": "job_1", "namespaceId": "ns_1", "status": status, "error": error, "payload": {"type": "TEXT", "text": "x"},
        "createdAt": "2026-11-30T10:00:00Z"}}).encode()


def statuses(*words: str):  # type: ignore[no-untyped-def]
    box: list[FunctionServer] = []

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        word = words[min(len(box[0].seen) - 1, len(words) - 1)]
        if word == "429":
            return 429, {"content-type": "application/json", "retry-after": "7"}, \
                b'{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow"}}'
        return 200, {"content-type": "application/json"}, job(word, "boom" if word == "FAILED" else None)
    box.append(FunctionServer(respond))
    return box[0]


def agentset(url: str, clock: VirtualClock) -> at.AgentsetClient:
    # No retries of the status reads: a 429 is the wait's own matter here.
    return at.AgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1", clock=clock,
                             retry=at.RetryOptions.NONE)


def test_the_default_schedule_polls_every_second_then_a_tenth_of_the_time_waited() -> None:
    clock = VirtualClock()
    words = ["QUEUED"] * 14 + ["COMPLETED"]
    with statuses(*words) as server, agentset(server.url, clock) as client:
        run = client.ingest_jobs.track("job_1").wait_for_completion()
    assert run.status == "succeeded" and len(server.seen) == 15
    # 10 s of 1 s waits, then a tenth of the time waited so far (whole milliseconds).
    assert clock.sleeps == [1.0] * 11 + [1.1, 1.21, 1.331]


def test_backoff_grows_each_wait_up_to_the_max() -> None:
    clock = VirtualClock()
    with statuses("QUEUED", "QUEUED", "QUEUED", "QUEUED", "COMPLETED") as server, agentset(server.url, clock) as client:
        client.ingest_jobs.track("job_1").wait_for_completion(poll_interval=1, backoff_factor=2, max_poll_interval=5)
    assert clock.sleeps == [1.0, 2.0, 4.0, 5.0]


def test_the_timeout_raises_after_a_last_read_at_the_deadline_and_the_run_goes_on() -> None:
    clock = VirtualClock()
    with statuses("PROCESSING") as server, agentset(server.url, clock) as client:
        with pytest.raises(at.RunWaitTimeoutError) as raised:
            client.ingest_jobs.track("job_1").wait_for_completion(poll_interval=2, timeout=7)
    error = raised.value
    assert error.may_have_been_processed is True
    # Reads at 0, 2, 4, 6 s; the wait after the last would end at 8 s, so it is cut to 1 s: a last read at 7 s.
    assert (error.timeout, error.polls) == (7, 5)
    assert error.run.raw_status == "PROCESSING" and error.run.status == "running"
    assert clock.sleeps == [2.0, 2.0, 2.0, 1.0]
    assert len(server.seen) == 5
    assert "job_1" in str(error) and "not stopped" in str(error)


def test_a_429_while_polling_waits_its_retry_after() -> None:
    clock = VirtualClock()
    with statuses("QUEUED", "429", "COMPLETED") as server, agentset(server.url, clock) as client:
        client.ingest_jobs.track("job_1").wait_for_completion()
    assert clock.sleeps == [1.0, 7.0]


def test_a_failed_run_raises_with_the_service_error_text() -> None:
    clock = VirtualClock()
    with statuses("QUEUED", "FAILED") as server, agentset(server.url, clock) as client:
        with pytest.raises(at.RunFailedError) as raised:
            client.ingest_jobs.track("job_1").wait_for_completion()
        run = client.ingest_jobs.track("job_1").wait_for_completion(raise_on_failure=False)
    assert raised.value.run.status == "failed" and run.status == "failed"
    assert run.error_message == "boom"


def test_the_async_wait_keeps_the_same_schedule() -> None:
    clock = VirtualClock()

    async def main(url: str) -> None:
        async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1",
                                          clock=clock) as client:
            with pytest.raises(at.RunWaitTimeoutError):
                await client.ingest_jobs.track("job_1").wait_for_completion(poll_interval=1, backoff_factor=3,
                                                                           timeout=20)
    with statuses("QUEUED") as server:
        asyncio.run(main(server.url))
    assert clock.sleeps == [1.0, 3.0, 9.0, 7.0]  # 27 s would pass the 20 s timeout: cut to the 7 s left, a last read


@pytest.mark.parametrize("bad", [{"poll_interval": 0}, {"timeout": -1}, {"timeout": 0}, {"backoff_factor": 0.5},
                                 {"poll_interval_ratio": 11}])
def test_wait_arguments_are_checked_before_polling(bad: dict[str, float]) -> None:
    clock = VirtualClock()
    with statuses("QUEUED") as server, agentset(server.url, clock) as client:
        with pytest.raises(at.InvalidArgumentError) as raised:
            client.ingest_jobs.track("job_1").wait_for_completion(**bad)  # type: ignore[arg-type]
        assert server.seen == []
    assert raised.value.argument == next(iter(bad))


# The timeout kept to the letter (conformance poll-schedule, scenarios/runs.json): every wait is at most the time left,
# a last read at the deadline, and only a run that read does not see end is the timeout; sync and async alike.

def ends_at(clock: VirtualClock, end: float, reads: list[float], final: str = "COMPLETED") -> FunctionServer:
    """Answers the job's status by the virtual time of the read (seconds since the wait's clock started), recording it."""
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        now = clock.monotonic() - 1000
        reads.append(now)
        return 200, {"content-type": "application/json"}, job(final if now >= end else "PROCESSING")
    return FunctionServer(respond)


def wait(flavour: str, url: str, clock: VirtualClock, **options: float) -> at.RunHandle[object]:
    if flavour == "sync":
        with agentset(url, clock) as client:
            return client.ingest_jobs.track("job_1").wait_for_completion(**options)  # type: ignore[arg-type]

    async def main() -> at.RunHandle[object]:
        async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1", clock=clock,
                                          retry=at.RetryOptions.NONE) as client:
            return await client.ingest_jobs.track("job_1").wait_for_completion(**options)  # type: ignore[arg-type]
    return asyncio.run(main())


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_timeout_shorter_than_the_poll_interval_reads_at_the_deadline_not_a_poll_interval_later(flavour: str) -> None:
    clock, reads = VirtualClock(), []
    with ends_at(clock, float("inf"), reads) as server:
        with pytest.raises(at.RunWaitTimeoutError) as raised:
            wait(flavour, server.url, clock, poll_interval=30, timeout=2)
    assert reads == [0.0, 2.0]
    assert clock.sleeps == [2.0]
    assert (raised.value.timeout, raised.value.polls) == (2, 2)


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_run_that_ended_before_the_deadline_is_returned_by_the_read_at_it(flavour: str) -> None:
    clock, reads = VirtualClock(), []
    with ends_at(clock, 1.5, reads) as server:
        run = wait(flavour, server.url, clock, poll_interval=1, timeout=2)
    assert run.status == "succeeded"
    assert reads == [0.0, 1.0, 2.0]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_run_that_failed_before_the_deadline_raises_its_failure_not_the_timeout(flavour: str) -> None:
    clock, reads = VirtualClock(), []
    with ends_at(clock, 1.5, reads, "FAILED") as server:
        with pytest.raises(at.RunFailedError):
            wait(flavour, server.url, clock, poll_interval=1, timeout=2)
    assert reads == [0.0, 1.0, 2.0]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_timeout_at_an_exact_poll_time_reads_at_it_once(flavour: str) -> None:
    clock, reads = VirtualClock(), []
    with ends_at(clock, float("inf"), reads) as server:
        with pytest.raises(at.RunWaitTimeoutError) as raised:
            wait(flavour, server.url, clock, poll_interval=1, timeout=3)
    assert reads == [0.0, 1.0, 2.0, 3.0]
    assert raised.value.polls == 4


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_retry_after_longer_than_the_time_left_is_cut_to_it(flavour: str) -> None:
    clock = VirtualClock()
    box: list[FunctionServer] = []

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if len(box[0].seen) == 1:
            return 429, {"content-type": "application/json", "retry-after": "600"}, \
                b'{"success":false,"error":{"code":"rate_limit_exceeded","message":"slow"}}'
        return 200, {"content-type": "application/json"}, job("COMPLETED")
    box.append(FunctionServer(respond))
    with box[0] as server:
        run = wait(flavour, server.url, clock, timeout=60)
    assert run.status == "succeeded"
    assert clock.sleeps == [60.0]
    assert len(server.seen) == 2


def test_cancel_reads_the_deployment_terminates_then_reads_the_status_once() -> None:
    # A tracked handle knows no deployment id yet (C#'s Track shape): cancel reads the run once for it, as C# and TS do.
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.method == "POST":
            return 200, {"content-type": "application/json"}, b'{"message":"ok","jobRunStatus":"TERMINATION_REQUESTED"}'
        return 200, {"content-type": "application/json"}, json.dumps(
            {"data": {"name": "run-1", "status": "TERMINATING", "deploymentId": "dep-1"}}).encode()

    with FunctionServer(respond) as server, at.TrueFoundryClient(
            "tfy_test_0123456789", base_url=server.url, clock=VirtualClock()) as client:
        run = client.job_runs.track("app-1", "run-1")
        run.cancel()
    assert [(s.method, s.path.split("?")[0]) for s in server.seen] == [
        ("GET", "/api/svc/v1/jobs/app-1/runs/run-1"), ("POST", "/api/svc/v1/jobs/terminate"),
        ("GET", "/api/svc/v1/jobs/app-1/runs/run-1")]
    assert run.status == "cancelled" and run.raw_status == "TERMINATING"


def test_cancel_where_the_service_has_none_says_what_to_do_instead() -> None:
    with statuses("QUEUED") as server, agentset(server.url, VirtualClock()) as client:
        with pytest.raises(at.UnsupportedOperationError):
            client.ingest_jobs.track("job_1").cancel()
        assert server.seen == []
