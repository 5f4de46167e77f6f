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


def test_the_timeout_raises_without_sleeping_past_it_and_the_run_goes_on() -> None:
    clock = VirtualClock()
    with statuses("PROCESSING") as server, agentset(server.url, clock) as client:
        with pytest.raises(at.RunWaitTimeoutError) as raised:
            client.ingest_jobs.track("job_1").wait_for_completion(poll_interval=2, timeout=7)
    error = raised.value
    assert error.may_have_been_processed is True
    assert (error.timeout, error.polls) == (7, 4)
    assert error.run.raw_status == "PROCESSING" and error.run.status == "running"
    assert clock.sleeps == [2.0, 2.0, 2.0]  # a fourth wait would end at the deadline: raised at once instead
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
    assert clock.sleeps == [1.0, 3.0, 9.0]  # then 27 s would pass the 20 s timeout


@pytest.mark.parametrize("bad", [{"poll_interval": 0}, {"timeout": -1}, {"backoff_factor": 0.5},
                                 {"poll_interval_ratio": 11}])
def test_wait_arguments_are_checked_before_polling(bad: dict[str, float]) -> None:
    clock = VirtualClock()
    with statuses("QUEUED") as server, agentset(server.url, clock) as client:
        with pytest.raises(at.InvalidArgumentError) as raised:
            client.ingest_jobs.track("job_1").wait_for_completion(**bad)  # type: ignore[arg-type]
        assert server.seen == []
    assert raised.value.argument == next(iter(bad))


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
