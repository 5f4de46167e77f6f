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

from .group_operations import GROUP_OPERATIONS

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

    def truefoundry(self, c: Json, url: str) -> Any:
        return self.make(at.TrueFoundryClient, at.AsyncTrueFoundryClient, c, url)

    def astropod(self, c: Json, url: str) -> Any:
        return self.make(at.AstropodClient, at.AsyncAstropodClient, c, url)

    def shipyard(self, c: Json, url: str) -> Any:
        return self.make(at.ShipyardClient, at.AsyncShipyardClient, c, url)

    def mixpeek(self, c: Json, url: str) -> Any:
        return self.make(at.MixpeekClient, at.AsyncMixpeekClient, c, url, namespace=c.get("namespace"))


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


async def _tf_start(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    return await waited(await maybe(f.truefoundry(c, url).job_runs.start({"applicationId": text(a, "applicationId")})), w)


async def _tf_get(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    run = await maybe(f.truefoundry(c, url).job_runs.get(text(a, "applicationId"), text(a, "jobRunName")))
    return {"name": run.name}


async def _tf_list(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    runs = f.truefoundry(c, url).job_runs.list(text(a, "applicationId"), page_size=a.get("pageSize"))
    return {"ids": await collect(runs, lambda r: r.name)}


async def _tf_cancel(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    done = await maybe(f.truefoundry(c, url).job_runs.cancel(text(a, "deploymentId"), text(a, "jobRunName")))
    return {"message": done.message}


async def _tf_delete(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    await maybe(f.truefoundry(c, url).job_runs.delete(text(a, "applicationId"), text(a, "jobRunName")))
    return {"done": True}


async def _astropod_start(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    started = await maybe(f.astropod(c, url).ingestions.start(text(a, "deploymentNamespace"), text(a, "ingestion"),
                                                              text(a, "account")))
    return {"jobName": started.job_name, "namespace": started.namespace, "ingestion": started.ingestion}


async def _astropod_list(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    return {"ids": await collect(f.astropod(c, url).deployments.list(text(a, "account")), lambda d: d.id)}


async def _astropod_get(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    return {"id": (await maybe(f.astropod(c, url).deployments.get(text(a, "deploymentId")))).id}


async def _astropod_sources(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    sources = f.astropod(c, url).deployments.list_ingestion_sources(text(a, "deploymentId"))
    return {"names": await collect(sources, lambda s: s.name)}


def _fleet(a: Json) -> tuple[str, str, str]:
    return text(a, "orgId"), text(a, "projectId"), text(a, "fleetId")


async def _shipyard_start(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    return await waited(await maybe(f.shipyard(c, url).fleet_runs.start(*_fleet(a))), w)


async def _shipyard_list(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    records = await collect(f.shipyard(c, url).fleet_runs.list(*_fleet(a)), lambda r: r)
    return {"ids": [r.fleet_log_id for r in records], "statuses": [r.status for r in records]}


async def _shipyard_get(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    record = await maybe(f.shipyard(c, url).fleet_runs.get(*_fleet(a), text(a, "fleetRunId")))
    return {"id": None if record is None else record.fleet_log_id, "status": None if record is None else record.status}


async def _mx_execute(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    return await waited(await maybe(f.mixpeek(c, url).executions.start(text(a, "triggerId"))), w)


async def _mx_task(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    return {"id": (await maybe(f.mixpeek(c, url).executions.get(text(a, "taskId")))).task_id}


async def _mx_kill(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    await maybe(f.mixpeek(c, url).executions.cancel(text(a, "taskId")))
    return {"done": True}


async def _mx_history(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    history = f.mixpeek(c, url).executions.list(text(a, "triggerId"), page_size=a.get("pageSize"))
    return {"ids": await collect(history, lambda e: e.task_id)}


async def _mx_create(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    trigger = await maybe(f.mixpeek(c, url).triggers.create({
        "action_type": "cluster", "action_config": {"cluster_id": text(a, "clusterId")}, "trigger_type": "cron",
        "schedule_config": {"cron_expression": text(a, "cronExpression"), "timezone": a.get("timeZone", "UTC")}}))
    return {"id": trigger.trigger_id}


async def _mx_list(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    return {"ids": await collect(f.mixpeek(c, url).triggers.list(page_size=a.get("pageSize")), lambda t: t.trigger_id)}


def _mx_trigger(verb: str) -> Callable[[Flavour, Json, Json, str, Json | None], Awaitable[Json]]:
    async def call(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
        trigger = await maybe(getattr(f.mixpeek(c, url).triggers, verb)(text(a, "triggerId")))
        return {"id": trigger.trigger_id}
    return call


async def _mx_update(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    trigger = await maybe(f.mixpeek(c, url).triggers.update(text(a, "triggerId"),
                                                            {"description": text(a, "description")}))
    return {"id": trigger.trigger_id}


async def _mx_delete(f: Flavour, a: Json, c: Json, url: str, w: Json | None) -> Json:
    await maybe(f.mixpeek(c, url).triggers.delete(text(a, "triggerId")))
    return {"done": True}


OPERATIONS: dict[str, Callable[[Flavour, Json, Json, str, Json | None], Awaitable[Json]]] = {
    "agentset.ingestJobs.get": _agentset_get,
    "agentset.ingestJobs.create": _agentset_create,
    "agentset.ingestJobs.start": _agentset_start,
    "agentset.ingestJobs.list": _agentset_list,
    "agentset.ingestJobs.delete": _agentset_delete,
    "agentset.ingestJobs.reIngest": _agentset_re_ingest,
    "truefoundry.jobRuns.start": _tf_start,
    "truefoundry.jobRuns.get": _tf_get,
    "truefoundry.jobRuns.list": _tf_list,
    "truefoundry.jobRuns.cancel": _tf_cancel,
    "truefoundry.jobRuns.delete": _tf_delete,
    "astropod.ingestions.start": _astropod_start,
    "astropod.deployments.list": _astropod_list,
    "astropod.deployments.get": _astropod_get,
    "astropod.deployments.listIngestionSources": _astropod_sources,
    "shipyard.fleetRuns.start": _shipyard_start,
    "shipyard.fleetRuns.list": _shipyard_list,
    "shipyard.fleetRuns.get": _shipyard_get,
    "mixpeek.executions.start": _mx_execute,
    "mixpeek.executions.get": _mx_task,
    "mixpeek.executions.cancel": _mx_kill,
    "mixpeek.executions.list": _mx_history,
    "mixpeek.triggers.create": _mx_create,
    "mixpeek.triggers.list": _mx_list,
    "mixpeek.triggers.get": _mx_trigger("get"),
    "mixpeek.triggers.pause": _mx_trigger("pause"),
    "mixpeek.triggers.resume": _mx_trigger("resume"),
    "mixpeek.triggers.update": _mx_update,
    "mixpeek.triggers.delete": _mx_delete,
    **GROUP_OPERATIONS,
}
