"""RequestOptions.on_response and ResponseInfo, and the client's application_id in the User-Agent, over real HTTP on
loopback (CannedServer), in the sync and the async client."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timezone

import pytest

import astro_triggers as at
from astro_triggers.agentset import AgentsetRequestOptions

from ...support.canned_server import CannedServer

KEY = "sk-secret-key-123"
JOB = {"id": "job_1", "namespaceId": "ns_1", "status": "COMPLETED", "payload": {"type": "TEXT", "text": "hello"},
       "createdAt": "2026-11-30T10:00:00.000Z"}
BODY = json.dumps({"success": True, "data": JOB}).encode()
RATE = {"X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "59", "X-RateLimit-Reset": "1767225600000",
        "X-Request-Id": "req-42", "X-Echo": f"Bearer {KEY}", "Content-Type": "application/json"}


def ok(body: bytes = BODY) -> tuple[int, dict[str, str], bytes]:
    return 200, RATE, body


def unavailable() -> tuple[int, dict[str, str], bytes]:
    return 503, {"Retry-After": "0", "Content-Type": "application/json"}, b'{"success": false}'


def get_sync(url: str, options: at.RequestOptions | None, application_id: str | None = None) -> object:
    with at.AgentsetClient(KEY, base_url=url, namespace_id="ns_1", application_id=application_id) as client:
        return client.ingest_jobs.get("job_1", request_options=options)


def get_async(url: str, options: at.RequestOptions | None, application_id: str | None = None) -> object:
    async def go() -> object:
        async with at.AsyncAgentsetClient(KEY, base_url=url, namespace_id="ns_1",
                                          application_id=application_id) as client:
            return await client.ingest_jobs.get("job_1", request_options=options)
    return asyncio.run(go())


Getter = Callable[..., object]
FLAVOURS = [pytest.param(get_sync, id="sync"), pytest.param(get_async, id="async")]


@pytest.mark.parametrize("get", FLAVOURS)
def test_on_response_sees_every_2xx_with_secrets_masked(get: Getter) -> None:
    seen: list[at.ResponseInfo] = []
    with CannedServer([unavailable, ok]) as server:
        job = get(server.url, AgentsetRequestOptions(on_response=seen.append))
    assert getattr(job, "id") == "job_1"
    assert len(server.seen) == 2, "the 503 was retried"
    assert len(seen) == 1, "only the 2xx answer is reported"
    info = seen[0]
    assert (info.service, info.operation_id, info.status) == ("Agentset", "getIngestJob", 200)
    assert info.request_id == "req-42"
    assert (info.rate_limit_limit, info.rate_limit_remaining) == (60, 59)
    assert info.rate_limit_reset == datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert KEY not in (info.header("x-echo") or "") and KEY not in str(list(info.headers.items()))
    assert str(info) == "Agentset getIngestJob: HTTP 200"


class Refused(Exception):
    pass


@pytest.mark.parametrize("get", FLAVOURS)
def test_on_response_that_raises_ends_the_call_with_its_own_error_before_the_body_is_read(get: Getter) -> None:
    def refuse(info: at.ResponseInfo) -> None:
        raise Refused(info.status)

    # The body is not JSON: had it been read, the call would end with ResponseDeserializationError instead.
    with CannedServer([lambda: ok(b"not json")]) as server:
        with pytest.raises(Refused):
            get(server.url, at.RequestOptions(on_response=refuse))
    assert len(server.seen) == 1, "never retried: the service has answered"


def test_response_info_reads_numbers_and_moments_as_the_other_clients() -> None:
    info = at.ResponseInfo("Agentset", "getIngestJob", 200, {"X-RateLimit-Reset": "1767225600",
                                                              "X-RateLimit-Remaining": "many", "request-id": "r1"})
    assert info.rate_limit_reset == datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert info.rate_limit_remaining is None and info.rate_limit_limit is None
    assert info.request_id == "r1"
    assert at.ResponseInfo("S", "op", 204, {"X-RateLimit-Reset": "30"}).rate_limit_reset is None


@pytest.mark.parametrize("options", [pytest.param(at.RequestOptions(), id="options"), pytest.param(None, id="none")])
@pytest.mark.parametrize("get", FLAVOURS)
def test_application_id_goes_in_front_of_the_user_agent(get: Getter, options: at.RequestOptions | None) -> None:
    # Without per-call options the call runs on the client's settings made once, which once left the id out.
    with CannedServer([ok]) as server:
        get(server.url, options, application_id="billing-sync/2")
    assert server.seen[0][2]["user-agent"] == f"billing-sync/2 {at.USER_AGENT}"


@pytest.mark.parametrize("bad", ["", "x" * 25, "has space", "tab\there", "nul\x00"])
@pytest.mark.parametrize("client", [at.AgentsetClient, at.AsyncAgentsetClient, at.MixpeekClient, at.ShipyardClient])
def test_application_id_is_checked_before_anything_is_sent(client: type, bad: str) -> None:
    with pytest.raises(at.InvalidArgumentError) as raised:
        client(KEY, application_id=bad)
    assert raised.value.argument == "application_id"
