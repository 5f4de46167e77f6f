"""Token refresh over real HTTP: concurrent 401s share one refresh, a failed refresh reaches every call waiting on it
(the provider is not asked again by each), a provider that throws is a TokenRefreshError with nothing sent."""
from __future__ import annotations

import asyncio
import json
import threading

import pytest

import astro_triggers as at

from ...support.function_server import FunctionServer, Seen

JOB = {"id": "job_1", "namespaceId": "ns_1", "status": "QUEUED", "payload": {"type": "TEXT", "text": "x"},
       "createdAt": "2026-11-30T10:00:00Z"}
OK = (200, {"content-type": "application/json"}, json.dumps({"success": True, "data": JOB}).encode())
DENIED = (401, {"content-type": "application/json"},
          b'{"success":false,"error":{"code":"unauthorized","message":"expired"}}')


def accepting(token: str):  # type: ignore[no-untyped-def]
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        return OK if seen.headers.get("authorization") == f"Bearer {token}" else DENIED
    return respond


class Provider:
    """Hands out tok_old_0123 until asked to refresh, then tok_new_0123; ``fail`` makes a refresh throw."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.refreshes = 0
        self.token = "tok_old_0123"
        self.lock = threading.Lock()

    def __call__(self, force_refresh: bool) -> str:
        if force_refresh:
            with self.lock:
                self.refreshes += 1
            if self.fail:
                raise RuntimeError("identity provider down")
            self.token = "tok_new_0123"
        return self.token


def test_concurrent_401s_share_one_refresh_async() -> None:
    provider = Provider()
    gate = asyncio.Event()

    async def ask(force_refresh: bool) -> str:
        if not force_refresh:
            await gate.wait()  # every call takes the old token before any answer arrives
        return provider(force_refresh)

    async def main(url: str) -> list[str]:
        async with at.AsyncAgentsetClient(token_provider=ask, base_url=url, namespace_id="ns_1") as client:
            calls = [asyncio.ensure_future(client.ingest_jobs.get("job_1")) for _ in range(5)]
            await asyncio.sleep(0.05)
            gate.set()
            return [job.id for job in await asyncio.gather(*calls)]

    with FunctionServer(accepting("tok_new_0123")) as server:
        assert asyncio.run(main(server.url)) == ["job_1"] * 5
    assert provider.refreshes == 1
    assert sorted(s.headers["authorization"] for s in server.seen) == ["Bearer tok_new_0123"] * 5 + ["Bearer tok_old_0123"] * 5


def test_concurrent_401s_share_one_refresh_sync() -> None:
    provider = Provider()
    barrier = threading.Barrier(4)

    def ask(force_refresh: bool) -> str:
        if not force_refresh:
            try:
                barrier.wait(timeout=5)
            except threading.BrokenBarrierError:
                pass
        return provider(force_refresh)

    with FunctionServer(accepting("tok_new_0123")) as server, at.AgentsetClient(
            token_provider=ask, base_url=server.url, namespace_id="ns_1") as client:
        results: list[str] = []
        threads = [threading.Thread(target=lambda: results.append(client.ingest_jobs.get("job_1").id)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert results == ["job_1"] * 4
    assert provider.refreshes == 1


def test_a_failed_refresh_reaches_every_call_waiting_on_it_async() -> None:
    provider = Provider(fail=True)
    gate = asyncio.Event()
    release = asyncio.Event()

    async def ask(force_refresh: bool) -> str:
        if not force_refresh:
            await gate.wait()
        else:
            await release.wait()  # the refresh is still running when the other 401s arrive
        return provider(force_refresh)

    async def main(url: str) -> list[BaseException | object]:
        async with at.AsyncAgentsetClient(token_provider=ask, base_url=url, namespace_id="ns_1") as client:
            calls = [asyncio.ensure_future(client.ingest_jobs.get("job_1")) for _ in range(4)]
            await asyncio.sleep(0.05)
            gate.set()
            while len(server.seen) < 4:
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.05)
            release.set()
            return await asyncio.gather(*calls, return_exceptions=True)

    with FunctionServer(accepting("never")) as server:
        outcomes = asyncio.run(main(server.url))
    assert all(isinstance(o, at.TokenRefreshError) for o in outcomes), outcomes
    assert provider.refreshes == 1
    assert len({id(o) for o in outcomes}) == 4  # each call its own error
    assert all(isinstance(o.__cause__, RuntimeError) for o in outcomes)  # type: ignore[union-attr]
    assert len(server.seen) == 4  # no call was repeated


def test_a_failed_refresh_reaches_every_call_waiting_on_it_sync() -> None:
    provider = Provider(fail=True)
    barrier = threading.Barrier(3)
    release = threading.Event()

    def ask(force_refresh: bool) -> str:
        if not force_refresh:
            try:
                barrier.wait(timeout=5)
            except threading.BrokenBarrierError:
                pass
        else:
            release.wait(5)
        return provider(force_refresh)

    outcomes: list[BaseException] = []

    def call(client: at.AgentsetClient) -> None:
        try:
            client.ingest_jobs.get("job_1")
        except BaseException as error:  # noqa: BLE001 - the test looks at it
            outcomes.append(error)

    with FunctionServer(accepting("never")) as server, at.AgentsetClient(
            token_provider=ask, base_url=server.url, namespace_id="ns_1") as client:
        threads = [threading.Thread(target=call, args=(client,)) for _ in range(3)]
        for t in threads:
            t.start()
        for _ in range(200):
            if len(server.seen) >= 3:
                break
            threading.Event().wait(0.01)
        threading.Event().wait(0.05)
        release.set()
        for t in threads:
            t.join(30)
    assert len(outcomes) == 3 and all(isinstance(o, at.TokenRefreshError) for o in outcomes), outcomes
    assert provider.refreshes == 1
    assert len(server.seen) == 3


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_provider_that_throws_is_a_token_refresh_error_and_nothing_is_sent(flavour: str) -> None:
    def broken(force_refresh: bool) -> str:
        raise KeyError("no token for tok_secret_value_123")

    with FunctionServer(accepting("x")) as server:
        if flavour == "sync":
            with at.AgentsetClient(token_provider=broken, base_url=server.url, namespace_id="ns_1") as client:
                with pytest.raises(at.TokenRefreshError) as raised:
                    client.ingest_jobs.get("job_1")
        else:
            async def main() -> None:
                async with at.AsyncAgentsetClient(token_provider=broken, base_url=server.url,
                                                  namespace_id="ns_1") as client:
                    await client.ingest_jobs.get("job_1")
            with pytest.raises(at.TokenRefreshError) as raised:
                asyncio.run(main())
        assert server.seen == []
    error = raised.value
    assert error.may_have_been_processed is False
    assert isinstance(error.__cause__, KeyError)
    assert (error.service, error.operation_id) == ("Agentset", "getIngestJob")
