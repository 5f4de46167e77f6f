"""Per-call cost of the SDK against bare httpx on the same canned answers (httpx.MockTransport, no network), measured
in one run and reported as ratios (never absolute times): a get of one ingest job, and a 100-item page. Target ≤ 1.3×.

The two sides are measured in alternating short rounds (~10 ms each), so a machine whose load changes during the run
(other builds) weighs on both alike. The ratio reported is that of each side's fastest round — load only ever adds
time, so the fastest round is the closest to the code's own cost — with the median of the per-round ratios beside it.

    cd src/python && PYTHONPATH=src /usr/bin/python3 bench/per_call_cost.py [--seconds 2]
"""
from __future__ import annotations

import argparse
import json
import statistics
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


def per_call(action: Callable[[], object], calls: int) -> float:
    """Seconds per call over ``calls`` calls."""
    started = time.perf_counter()
    for _ in range(calls):
        action()
    return (time.perf_counter() - started) / calls


def rounds(base: Callable[[], object], ours: Callable[[], object], seconds: float) -> tuple[list[float], list[float]]:
    """Seconds per call of each side in alternating rounds (each ~10 ms), after a warm-up, for about ``seconds``."""
    for _ in range(50):
        base()
        ours()
    calls = max(1, int(0.01 / per_call(base, 20)))
    bases: list[float] = []
    ourses: list[float] = []
    started = time.perf_counter()
    while time.perf_counter() - started < seconds or len(bases) < 5:
        bases.append(per_call(base, calls))
        ourses.append(per_call(ours, calls))
    return bases, ourses


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

    rows = [("get one job", rounds(raw_get, lambda: sdk.ingest_jobs.get("job_1"), seconds)),
            ("100-item page", rounds(raw_page, lambda: sdk.ingest_jobs.list().to_list(), seconds))]
    print("| call | SDK / bare httpx + json (fastest rounds) | median of per-round ratios | rounds |")
    print("|---|---:|---:|---:|")
    for name, (bases, ourses) in rows:
        per_round = statistics.median(o / b for b, o in zip(bases, ourses))
        print(f"| {name} | {min(ourses) / min(bases):.2f}× | {per_round:.2f}× | {len(bases)} |")


if __name__ == "__main__":
    main()
