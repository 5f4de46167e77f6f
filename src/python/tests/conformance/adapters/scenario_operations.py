"""The Python side of a scenario's ``operation``: one entry per language-neutral operation name, calling the public
client and answering the scenario's value fields (as the C# ScenarioAdapters and TypeScript scenarioOperations). No
logic of the behaviour under test lives here. Each entry is written once for both flavours: a call's result is
awaited when it is awaitable (the async clients) and taken as is otherwise (the sync clients)."""
from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import astro_triggers as at
from astro_triggers.agentset import AgentsetRequestOptions

Json = dict[str, Any]
Operation = Callable[["Flavour", Json, Json, Json | None], Awaitable[Json]]


async def maybe(value: Any) -> Any:
    """The value, awaited when the client was async."""
    return await value if inspect.isawaitable(value) else value


async def collect(items: Any, pick: Callable[[Any], Any]) -> list[Any]:
    """Every item of a list (sync or async), picked."""
    if hasattr(items, "__aiter__"):
        return [pick(item) async for item in items]
    return [pick(item) for item in items]


def _retry(c: Json) -> at.RetryOptions:
    ms = lambda key: None if c.get(key) is None else c[key] / 1000  # noqa: E731
    return at.RetryOptions(max_attempts=c.get("maxAttempts"), base_delay=ms("baseDelayMs"), max_delay=ms("maxDelayMs"),
                           use_jitter=c.get("useJitter"), attempt_timeout=ms("attemptTimeoutMs"))


def _tokens(tokens: list[str], is_async: bool) -> Any:
    """The tokens in order: the current one before each request, the next one on a forced refresh (after a 401)."""
    state = {"index": 0}

    def provider(force_refresh: bool) -> str:
        if force_refresh:
            state["index"] = min(state["index"] + 1, len(tokens) - 1)
        return tokens[state["index"]]

    async def async_provider(force_refresh: bool) -> str:
        return provider(force_refresh)
    return async_provider if is_async else provider


class Flavour:
    """Makes the clients of one flavour (sync or async) from the scenario's client settings."""

    def __init__(self, is_async: bool) -> None:
        self.is_async = is_async
        self.opened: list[Any] = []

    def options(self, c: Json, url: str) -> Json:
        options: Json = {"base_url": url, "retry": _retry(c)}
        if isinstance(c.get("tokens"), list):
            options["token_provider"] = _tokens(c["tokens"], self.is_async)
        else:
            options["api_key"] = c.get("apiKey")
        if c.get("timeoutMs") is not None:
            options["timeout"] = c["timeoutMs"] / 1000
        if c.get("maxResponseBytes") is not None:
            options["max_response_bytes"] = c["maxResponseBytes"]
        return options

    def make(self, sync_type: Any, async_type: Any, c: Json, url: str, **extra: Any) -> Any:
        client = (async_type if self.is_async else sync_type)(**self.options(c, url), **extra)
        self.opened.append(client)
        return client

    async def close(self) -> None:
        for client in self.opened:
            await maybe(client.aclose() if self.is_async else client.close())

    def agentset(self, c: Json, url: str) -> Any:
        return self.make(at.AgentsetClient, at.AsyncAgentsetClient, c, url, namespace_id=c.get("namespaceId"))


def text(args: Json, name: str) -> str:
    value = args.get(name)
    if not isinstance(value, str):
        raise KeyError(f"argument {name} is missing")
    return value


def _agentset_call(a: Json) -> AgentsetRequestOptions | None:
    return None if a.get("tenantId") is None else AgentsetRequestOptions(tenant_id=a["tenantId"])


def _payload(a: Json) -> Json:
    return {"payload": {"type": "TEXT", "text": text(a["payload"], "text")}}


async def waited(run: Any, wait: Json | None) -> Json:
    """The run's id, and after the scenario's wait step its final common status."""
    if wait is None:
        return {"id": run.id}
    done = await maybe(run.wait_for_completion(poll_interval=wait.get("pollIntervalMs", 5) / 1000,
                                               timeout=wait.get("timeoutMs", 10_000) / 1000))
    return {"id": run.id, "status": done.status}


async def _agentset_get(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    job = await maybe(f.agentset(c, url).ingest_jobs.get(text(a, "jobId"), request_options=_agentset_call(a)))
    return {"id": job.id}


async def _agentset_create(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    job = await maybe(f.agentset(c, url).ingest_jobs.create(_payload(a), request_options=_agentset_call(a)))
    return {"id": job.id}


async def _agentset_start(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    run = await maybe(f.agentset(c, url).ingest_jobs.start(_payload(a), request_options=_agentset_call(a)))
    return await waited(run, w)


async def _agentset_list(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    jobs = f.agentset(c, url).ingest_jobs.list(page_size=a.get("pageSize"), request_options=_agentset_call(a))
    return {"ids": await collect(jobs, lambda job: job.id)}


async def _agentset_delete(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    job = await maybe(f.agentset(c, url).ingest_jobs.delete(text(a, "jobId"), request_options=_agentset_call(a)))
    return {"id": None if job is None else job.id}


async def _agentset_re_ingest(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    return {"id": await maybe(f.agentset(c, url).ingest_jobs.re_ingest(text(a, "jobId"),
                                                                       request_options=_agentset_call(a)))}


OPERATIONS: dict[str, Callable[[Flavour, Json, Json, str, Json | None], Awaitable[Json]]] = {
    "agentset.ingestJobs.get": _agentset_get,
    "agentset.ingestJobs.create": _agentset_create,
    "agentset.ingestJobs.start": _agentset_start,
    "agentset.ingestJobs.list": _agentset_list,
    "agentset.ingestJobs.delete": _agentset_delete,
    "agentset.ingestJobs.reIngest": _agentset_re_ingest,
}
