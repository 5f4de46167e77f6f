"""Run groups over loopback on a virtual clock (as the C# RunGroupTests and TypeScript runGroup.test.ts): list reads only
for many Agentset jobs, each noticed within 10% of its length; single reads for runs no list showed; Shipyard's CSV once
a cycle; scopes per client and tenant; failures, cancellations and abandoned runs in the results and the progress;
cancel_all only where the service can stop a run; a throttled list waits its Retry-After; the async twin alike."""
from __future__ import annotations

import asyncio
import json
from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import astro_triggers as at
from astro_triggers.agentset import IngestJob

from ...support.function_server import FunctionServer, Seen
from ...support.virtual_clock import VirtualClock

CREATED = datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc).timestamp()
J = {"content-type": "application/json"}


def job(job_id: str, status: str = "QUEUED", created: float = CREATED) -> dict[str, Any]:
    return {"id": job_id, "namespaceId": "ns_1", "status": status, "error": "boom" if status == "FAILED" else None,
            "payload": {"type": "TEXT", "text": "x"},
            "createdAt": datetime.fromtimestamp(created, timezone.utc).isoformat().replace("+00:00", "Z")}


def page(*jobs: dict[str, Any]) -> bytes:
    return json.dumps({"success": True, "data": list(jobs),
                       "pagination": {"nextCursor": None, "prevCursor": None, "hasMore": False}}).encode()


def scripted(*answers: tuple[int, bytes]) -> FunctionServer:
    box: list[FunctionServer] = []

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        status, body = answers[min(len(box[0].seen) - 1, len(answers) - 1)]
        return status, dict(J), body
    box.append(FunctionServer(respond))
    return box[0]


def agentset(url: str, clock: VirtualClock, **extra: Any) -> at.AgentsetClient:
    return at.AgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1", clock=clock, **extra)


def namespace(clock: VirtualClock, ends: dict[str, float]) -> FunctionServer:
    """An Agentset namespace whose jobs end at given virtual times (seconds after 1000 on the monotonic clock): the
    list (newest first, cursor = offset) and get answer each job's status now."""
    ids = list(reversed(ends))  # the last created first

    def body(job_id: str) -> dict[str, Any]:
        done = clock.monotonic() - 1000 >= ends[job_id]
        return job(job_id, "COMPLETED" if done else "PROCESSING", CREATED + len(ids) - ids.index(job_id))

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        url = urlsplit(seen.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if "/ingest-jobs/" in url.path:
            return 200, dict(J), json.dumps({"success": True, "data": body(url.path.rsplit("/", 1)[1])}).encode()
        start, size = int(query.get("cursor", "0")), int(query.get("perPage", "30"))
        nxt = str(start + size) if start + size < len(ids) else None
        return 200, dict(J), json.dumps({"success": True, "data": [body(i) for i in ids[start:start + size]],
                                         "pagination": {"nextCursor": nxt, "prevCursor": None,
                                                        "hasMore": nxt is not None}}).encode()
    return FunctionServer(respond)


def test_250_jobs_are_followed_by_list_pages_only_each_noticed_within_a_tenth_of_its_length() -> None:
    clock = VirtualClock()
    ends = {f"job_{i:03d}": 2.0 + i * 0.997 for i in range(250)}
    with namespace(clock, ends) as server, agentset(server.url, clock) as client:
        runs = [client.ingest_jobs.track(IngestJob.from_json(job(job_id, "QUEUED", CREATED + 1 + i)))
                for i, job_id in enumerate(ends)]
        group = at.RunGroup(runs)
        results = group.wait_for_all()
    assert [r.run for r in results] == runs and all(r.succeeded for r in results)
    started = clock.now() - (clock.monotonic() - 1000)
    for result in results:
        end = ends[result.run.id]
        assert result.noticed_at - started - end <= max(1.0, 0.1 * end) + 0.001
    assert all("/ingest-jobs?" in s.path for s in server.seen)
    assert "order=desc" in server.seen[0].path and "perPage=100" in server.seen[0].path
    assert len(server.seen) <= 3 * (len(clock.sleeps) + 1) and len(server.seen) < 250
    assert group.progress.status_reads == len(server.seen)


def test_a_job_the_list_did_not_show_is_read_on_its_own_in_the_same_cycle() -> None:
    clock = VirtualClock()
    with scripted((200, page(job("job_a", "PROCESSING"))),
                  (200, json.dumps({"success": True, "data": job("job_b", "COMPLETED")}).encode()),
                  (200, page(job("job_a", "COMPLETED")))) as server, agentset(server.url, clock) as client:
        group = at.RunGroup([client.ingest_jobs.track("job_a"), client.ingest_jobs.track("job_b")])
        ended = [r.run.id for r in group.when_each()]
    assert ended == ["job_b", "job_a"]
    assert [urlsplit(s.path).path for s in server.seen] == [
        "/v1/namespace/ns_1/ingest-jobs", "/v1/namespace/ns_1/ingest-jobs/job_b", "/v1/namespace/ns_1/ingest-jobs"]


def test_failed_cancelled_and_abandoned_runs_end_with_what_a_single_wait_raises() -> None:
    clock = VirtualClock()
    with scripted((200, page(job("job_a", "FAILED"), job("job_b", "CANCELLED"))),
                  (404, b'{"success":false,"error":{"code":"not_found","message":"gone"}}')) as server, \
            agentset(server.url, clock) as client:
        group = at.RunGroup([client.ingest_jobs.track(i) for i in ("job_a", "job_b", "job_c")])
        a, b, c = group.wait_for_all()
    assert isinstance(a.error, at.RunFailedError) and not isinstance(a.error, at.RunCancelledError)
    with pytest.raises(at.RunFailedError):
        a.get_run_or_raise()
    assert isinstance(b.error, at.RunCancelledError)
    assert isinstance(c.error, at.NotFoundError) and c.status == "unknown"
    p = group.progress
    assert (p.succeeded, p.failed, p.cancelled, p.abandoned, p.pending, p.total, p.status_reads) == (0, 1, 1, 1, 0, 3, 2)


def test_on_progress_hears_each_change_of_the_counts_and_the_oldest_run() -> None:
    clock = VirtualClock()
    with scripted((200, page(job("job_a", "PROCESSING"), job("job_b", "COMPLETED"))),
                  (200, page(job("job_a", "PROCESSING"))),
                  (200, page(job("job_a", "COMPLETED")))) as server, agentset(server.url, clock) as client:
        seen: list[at.RunGroupProgress] = []
        a = client.ingest_jobs.track(IngestJob.from_json(job("job_a")))
        b = client.ingest_jobs.track(IngestJob.from_json(job("job_b")))
        at.RunGroup([a, b]).wait_for_all(on_progress=seen.append)
    assert [(p.queued, p.running, p.succeeded, p.oldest_running) for p in seen] == [
        (2, 0, 0, a), (0, 1, 1, a), (0, 0, 2, None)]
    assert seen[1].oldest_running_for == 1.0


def test_a_shipyard_fleet_csv_is_read_once_a_cycle_and_a_run_not_listed_yet_is_not_read_on_its_own() -> None:
    clock = VirtualClock()
    csvs = ["N,run-1,Running\r\nN,RUN-2,Success\r\n", "N,run-1,Errored\r\nN,run-3,Running\r\n", "N,run-3,Success\r\n"]
    box: list[FunctionServer] = []

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        rows = csvs[min(len(box[0].seen) - 1, 2)]
        return 200, {"content-type": "text/csv"}, f"Fleet Name,Fleet Log ID,Status\r\n{rows}".encode()
    box.append(FunctionServer(respond))
    with box[0] as server, at.ShipyardClient("key_0123456789", base_url=server.url, clock=clock) as client:
        results = at.RunGroup([client.fleet_runs.track("o1", "p1", "f1", i) for i in ("run-1", "run-2", "run-3")]) \
            .wait_for_all()
    assert [r.status for r in results] == ["failed", "succeeded", "succeeded"]
    assert len(server.seen) == 3


def test_runs_of_different_clients_and_tenants_are_read_by_one_list_each() -> None:
    clock = VirtualClock()

    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        if seen.path.startswith("/api/svc"):
            return 200, dict(J), json.dumps({"data": [{"id": "i1", "name": "etl-1", "status": "FINISHED",
                                                       "createdAt": 1767225600000}],
                                             "pagination": {"total": 1, "offset": 0, "limit": 100}}).encode()
        return 200, dict(J), page(job("job_a", "COMPLETED"), job("job_b", "COMPLETED"))
    with FunctionServer(respond) as server, agentset(server.url, clock) as client, \
            at.TrueFoundryClient("key_0123456789", base_url=server.url, clock=clock) as tfy:
        group = at.RunGroup([client.ingest_jobs.track("job_a"), tfy.job_runs.track("app-1", "etl-1"),
                             client.ingest_jobs.track(
                                 "job_b", request_options=at.AgentsetRequestOptions(tenant_id="t2"))])
        assert [r.status for r in group.wait_for_all()] == ["succeeded"] * 3
    assert [(urlsplit(s.path).path, s.headers.get("x-tenant-id")) for s in server.seen] == [
        ("/v1/namespace/ns_1/ingest-jobs", None), ("/api/svc/v1/jobs/app-1/runs", None),
        ("/v1/namespace/ns_1/ingest-jobs", "t2")]


def test_cancel_all_asks_only_where_the_service_can_stop_a_run() -> None:
    clock = VirtualClock()
    with scripted((200, b'{"message":"ok","jobRunStatus":"TERMINATION_REQUESTED"}'),
                  (200, json.dumps({"data": {"id": "i1", "name": "etl-1", "status": "TERMINATING"}}).encode())) \
            as server, at.TrueFoundryClient("key_0123456789", base_url=server.url, clock=clock) as tfy, \
            agentset(server.url, clock) as client:
        run = tfy.resume_run(tfy.job_runs.track("app-1", "etl-1").resume_token or "")
        run.value.deployment_id = "dep-1"
        group = at.RunGroup([run, client.ingest_jobs.track("job_a")])
        assert group.cancel_all() == 1
        assert run.status == "cancelled"
    assert [(s.method, urlsplit(s.path).path) for s in server.seen] == [
        ("POST", "/api/svc/v1/jobs/terminate"), ("GET", "/api/svc/v1/jobs/app-1/runs/etl-1")]


def test_a_completed_run_ends_first_without_a_read_a_duplicate_is_refused_and_one_wait_at_a_time() -> None:
    clock = VirtualClock()
    with scripted((500, b"{}")) as server, agentset(server.url, clock) as client:
        done = client.ingest_jobs.track(IngestJob.from_json(job("job_a", "COMPLETED")))
        group = at.RunGroup([done])
        with pytest.raises(at.InvalidArgumentError):
            group.add(done)
        each = group.when_each()
        assert next(each).succeeded
        with pytest.raises(RuntimeError, match="already being waited on"):
            group.wait_for_all()
        assert list(each) == []
    assert server.seen == [] and group.count == 1


def test_a_throttled_list_waits_its_retry_after_and_the_timeout_abandons_the_run() -> None:
    clock = VirtualClock()
    with scripted((429, b'{"success":false,"error":{"code":"rate_limited","message":"slow"}}'),
                  (200, page(job("job_a", "PROCESSING")))) as server, \
            agentset(server.url, clock, retry=at.RetryOptions.NONE) as client:
        server.respond = _with_retry_after(server.respond)
        (result,) = at.RunGroup([client.ingest_jobs.track("job_a")], timeout=20).wait_for_all()
    assert clock.sleeps[:2] == [1.0, 7.0]
    assert isinstance(result.error, at.RunWaitTimeoutError) and result.status == "running"


def _with_retry_after(respond: Any) -> Any:
    def wrapped(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        status, headers, body = respond(seen)
        if status == 429:
            headers["retry-after"] = "7"
        return status, headers, body
    return wrapped


def test_a_timeout_shorter_than_the_poll_interval_reads_at_the_deadline_and_that_read_decides() -> None:
    clock = VirtualClock()
    with namespace(clock, {"job_a": 1.5, "job_b": float("inf")}) as server, agentset(server.url, clock) as client:
        group = at.RunGroup([client.ingest_jobs.track("job_a"), client.ingest_jobs.track("job_b")], poll_interval=30,
                            timeout=2)
        a, b = group.wait_for_all()
    # One list read at 2 s, not 30 s: job_a ended at 1.5 s and is returned; job_b is given up after that read.
    assert clock.sleeps == [2.0]
    assert len(server.seen) == 1
    assert a.status == "succeeded" and a.error is None
    assert isinstance(b.error, at.RunWaitTimeoutError) and (b.error.polls, b.error.timeout) == (1, 2)
    assert group.progress.abandoned == 1 and group.progress.status_reads == 1
    assert "after 2 s and 1 status read;" in str(b.error)


def test_the_async_group_reads_at_an_exact_poll_time_deadline_and_returns_a_run_that_ended() -> None:
    clock = VirtualClock()

    async def main(url: str) -> list[at.RunResult[Any]]:
        async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1",
                                          clock=clock) as client:
            return await at.AsyncRunGroup([client.ingest_jobs.track("job_a"), client.ingest_jobs.track("job_b")],
                                          poll_interval=1, timeout=3).wait_for_all()
    with namespace(clock, {"job_a": 2.5, "job_b": float("inf")}) as server:
        a, b = asyncio.run(main(server.url))
    assert clock.sleeps == [1.0, 1.0, 1.0]
    assert len(server.seen) == 3
    assert a.status == "succeeded"
    assert isinstance(b.error, at.RunWaitTimeoutError) and b.error.polls == 3


def test_the_async_group_follows_runs_alike_and_cancels_where_it_can() -> None:
    clock = VirtualClock()

    async def main(url: str) -> list[str]:
        async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1",
                                          clock=clock) as client:
            group = at.AsyncRunGroup([client.ingest_jobs.track("job_a"), client.ingest_jobs.track("job_b")])
            assert await group.cancel_all() == 0
            ended = [r.run.id async for r in group.when_each()]
            assert [r.status for r in await group.wait_for_all()] == ["failed", "succeeded"]
            return ended
    with scripted((200, page(job("job_a", "PROCESSING"), job("job_b", "COMPLETED"))),
                  (200, page(job("job_a", "FAILED")))) as server:
        assert asyncio.run(main(server.url)) == ["job_b", "job_a"]
    assert len(server.seen) == 2


def test_a_run_added_while_the_async_group_sleeps_joins_at_once() -> None:
    async def main(url: str) -> list[str]:
        async with at.AsyncAgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1") as client:
            group = at.AsyncRunGroup([client.ingest_jobs.track("job_a")], poll_interval=60)
            loop = asyncio.get_running_loop()
            done = client.ingest_jobs.track(IngestJob.from_json(job("job_b", "COMPLETED")))
            loop.call_later(0.05, group.add, done)
            ended: list[str] = []
            started = loop.time()
            async for result in group.when_each():
                ended.append(result.run.id)
                break
            assert loop.time() - started < 5
            return ended
    with scripted((200, page(job("job_a", "PROCESSING")))) as server:
        assert asyncio.run(main(server.url)) == ["job_b"]
        assert server.seen == []
