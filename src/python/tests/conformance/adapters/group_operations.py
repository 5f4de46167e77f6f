"""The run-group operations of ``scenarios/group-waits.json`` (as the C# ScenarioAdapters.Groups.cs and TypeScript
groupOperations.ts): ``<service>.runGroup.waitForAll {tokens, pollIntervalMs,
timeoutMs}`` and ``<service>.runGroup.cancelAll {tokens}``. The runs are resumed from their tokens by the service's
client (sync or async flavour) and followed by one ``RunGroup`` / ``AsyncRunGroup``; the answer is what the group reports."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import astro_triggers as at

if TYPE_CHECKING:
    from .scenario_operations import Flavour

Json = dict[str, Any]
Operation = Callable[["Flavour", Json, Json, str, "Json | None"], Awaitable[Json]]


def _group(f: Flavour, service: str, a: Json, c: Json, url: str, poll_ms: float) -> Any:
    client = getattr(f, service)(c, url)
    runs = [client.resume_run(token) for token in a["tokens"]]
    group_type = at.AsyncRunGroup if f.is_async else at.RunGroup
    return group_type(runs, poll_interval=poll_ms / 1000, timeout=a.get("timeoutMs", 10_000) / 1000)


def _wait_for_all(service: str) -> Operation:
    async def run(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
        group = _group(f, service, a, c, url, a.get("pollIntervalMs", 5))
        if f.is_async:
            results = [r async for r in group.when_each()]
        else:
            results = list(group.when_each())
        p = group.progress
        return {"ended": [r.run.id for r in results], "statuses": [r.status for r in results],
                "statusReads": p.status_reads,
                "progress": {"succeeded": p.succeeded, "failed": p.failed, "cancelled": p.cancelled,
                             "abandoned": p.abandoned, "pending": p.pending}}
    return run


def _cancel_all(service: str) -> Operation:
    async def run(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
        group = _group(f, service, a, c, url, 5)
        asked = await group.cancel_all() if f.is_async else group.cancel_all()
        return {"asked": asked}
    return run


GROUP_OPERATIONS: dict[str, Operation] = {
    f"{service}.runGroup.{name}": make(service)
    for service in ("agentset", "truefoundry", "shipyard", "mixpeek")
    for name, make in (("waitForAll", _wait_for_all), ("cancelAll", _cancel_all))
}
