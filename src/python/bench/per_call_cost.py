"""Per-call cost of the SDK against bare httpx on the same canned answers (httpx.MockTransport, no network), measured
in one run and reported as ratios (never absolute times): a get of one ingest job, and a 100-item page. Target ≤ 1.3×.

    cd src/python && PYTHONPATH=src /usr/bin/python3 bench/per_call_cost.py [--seconds 2]
"""
from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

import httpx

import astro_triggers as at

JOB = {"id": "job_1", "namespaceId": "ns_1", "status": "QUEUED", "payload": {"type": "TEXT", "text": "hello"},
       "createdAt": "2026-11-30T10:00:00.000Z", "name": None, "error": None}
GET_BODY = json.dumps({"success": True, "data": JOB}).encode()
PAGE_BODY = json.dumps({"success": True, "data": [{**JOB, "id": f"job_{i}"} for i in range(100)],
                        "pagination": {"hasMore": False, "nextCursor": None, "prevCursor": None}}).encode()


def handler(request: httpx.Request) -> httpx.Response:
    body = PAGE_BODY if request.url.path.endswith("ingest-jobs") else GET_BODY
    return httpx.Response(200, headers={"content-type": "application/json"}, content=body)


def timed(action: Callable[[], object], seconds: float) -> float:
    """Seconds per call, from a timed loop after a warm-up."""
    for _ in range(50):
        action()
    calls, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        for _ in range(20):
            action()
        calls += 20
    return (time.perf_counter() - started) / calls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=2.0)
    seconds = parser.parse_args().seconds
    raw = httpx.Client(transport=httpx.MockTransport(handler))
    sdk = at.AgentsetClient("sk_bench_0123456789", base_url="https://api.agentset.ai", namespace_id="ns_1",
                            http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    headers = {"authorization": "Bearer sk_bench_0123456789"}

    def raw_get() -> object:
        return json.loads(raw.get("https://api.agentset.ai/v1/namespace/ns_1/ingest-jobs/job_1", headers=headers).content)

    def raw_page() -> object:
        return json.loads(raw.get("https://api.agentset.ai/v1/namespace/ns_1/ingest-jobs", headers=headers).content)

    rows = [("get one job", timed(raw_get, seconds), timed(lambda: sdk.ingest_jobs.get("job_1"), seconds)),
            ("100-item page", timed(raw_page, seconds), timed(lambda: sdk.ingest_jobs.list().to_list(), seconds))]
    print("| call | bare httpx + json | SDK (typed models) | ratio |")
    print("|---|---:|---:|---:|")
    for name, base, ours in rows:
        print(f"| {name} | 1.00 | {ours / base:.2f} | {ours / base:.2f}× |")


if __name__ == "__main__":
    main()
