"""One test body for both flavours: the sync clients (AgentsetClient) and the async ones (AsyncAgentsetClient) make
the same calls against the same fakes, so each integration test runs once per flavour (the ``flavour`` fixture) and
awaits what the async client returns with :func:`ob` — the calls themselves are the SDK's own, nothing is wrapped."""
from __future__ import annotations

import inspect
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

import astro_triggers as at

from ..support.fakes import Fakes

# The fakes run with --fast (each phase 100–400 ms): poll often, give up well after a run could have finished.
QUICK_WAIT: dict[str, Any] = {"poll_interval": 0.1, "max_poll_interval": 0.2, "timeout": 15.0}

CLIENTS: dict[str, tuple[type[Any], type[Any]]] = {
    "agentset": (at.AgentsetClient, at.AsyncAgentsetClient),
    "astropod": (at.AstropodClient, at.AsyncAstropodClient),
    "truefoundry": (at.TrueFoundryClient, at.AsyncTrueFoundryClient),
    "shipyard": (at.ShipyardClient, at.AsyncShipyardClient),
    "mixpeek": (at.MixpeekClient, at.AsyncMixpeekClient),
}


async def ob(value: Any) -> Any:
    """The value, awaited when the async flavour returned an awaitable."""
    return await value if inspect.isawaitable(value) else value


async def raised(value: Any) -> BaseException:
    """The error a call raised (sync: raised while calling, so pass a lambda; async: raised when awaited)."""
    try:
        await ob(value() if callable(value) else value)
    except BaseException as error:  # noqa: BLE001 - the test inspects it
        return error
    raise AssertionError("the call did not raise")


async def pages(pageable: Any, **kwargs: Any) -> list[Any]:
    """Every page of ``pageable.by_page(**kwargs)``, from the sync or the async pageable."""
    walk = pageable.by_page(**kwargs)
    if hasattr(walk, "__aiter__"):
        return [page async for page in walk]
    return list(walk)


async def first_page(pageable: Any, **kwargs: Any) -> Any:
    walk = pageable.by_page(**kwargs)
    if hasattr(walk, "__anext__"):
        page = await walk.__anext__()
        await walk.aclose()
        return page
    return next(iter(walk))


@dataclass
class Seen:
    """Requests a client sent, as ``"METHOD status"`` (0 when no answer came): httpx's own event hooks."""
    requests: list[list[Any]] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"{method} {status}" for method, status in self.requests]


def recording_http_client(is_async: bool) -> tuple[Any, Seen]:
    seen = Seen()

    def on_request(request: httpx.Request) -> None:
        seen.requests.append([request.method, 0])

    def on_response(response: httpx.Response) -> None:
        seen.requests[-1][1] = response.status_code

    if is_async:
        async def a_request(request: httpx.Request) -> None:
            on_request(request)

        async def a_response(response: httpx.Response) -> None:
            on_response(response)
        return httpx.AsyncClient(event_hooks={"request": [a_request], "response": [a_response]}), seen
    return httpx.Client(event_hooks={"request": [on_request], "response": [on_response]}), seen


class Flavour:
    """``sync`` or ``async``: builds that flavour's client of a fake."""

    def __init__(self, name: str, fakes: Fakes) -> None:
        self.name = name
        self.is_async = name == "async"
        self.fakes = fakes

    def __repr__(self) -> str:
        return self.name

    def recording(self) -> tuple[Any, Seen]:
        return recording_http_client(self.is_async)

    @asynccontextmanager
    async def client(self, service: str, **options: Any) -> AsyncIterator[Any]:
        """The service's client on its fake (namespace and the like from the fake's env), closed at the end."""
        described = self.fakes.service(service)
        if service == "agentset":
            options.setdefault("namespace_id", self.fakes.env("agentset", "AGENTSET_NAMESPACE_ID"))
        if service == "mixpeek":
            options.setdefault("namespace", self.fakes.env("mixpeek", "MIXPEEK_NAMESPACE"))
        own_http = options.get("http_client")
        cls = CLIENTS[service][1 if self.is_async else 0]
        client = cls(described["apiKey"], base_url=described["baseUrl"], **options)
        try:
            if self.is_async:
                async with client:
                    yield client
            else:
                with client:
                    yield client
        finally:
            if own_http is not None:  # a caller's httpx client is the caller's to close (the SDK leaves it open)
                await ob(own_http.aclose() if self.is_async else own_http.close())
