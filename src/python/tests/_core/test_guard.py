"""Argument checks: raised before anything is sent, ``InvalidArgumentError.argument`` naming the argument."""
from __future__ import annotations

from typing import Any, Callable

import pytest

import astro_triggers as at

from ..support.function_server import FunctionServer, Seen


def never(seen: Seen) -> tuple[int, dict[str, str], bytes]:
    return 500, {}, b""


@pytest.mark.parametrize("call, argument", [
    (lambda c: c.ingest_jobs.get(""), "job_id"),
    (lambda c: c.ingest_jobs.get("   "), "job_id"),
    (lambda c: c.ingest_jobs.get("abc"), "job_id"),
    (lambda c: c.ingest_jobs.get("job_1\r\nx: y"), "job_id"),
    (lambda c: c.ingest_jobs.get(42), "job_id"),
    (lambda c: c.ingest_jobs.list(page_size=0).to_list(), "page_size"),
    (lambda c: c.ingest_jobs.list(page_size=True).to_list(), "page_size"),
    (lambda c: c.ingest_jobs.get("job_1", request_options=at.RequestOptions(timeout=-1)), "request_options.timeout"),
    (lambda c: c.ingest_jobs.get("job_1", request_options=at.AgentsetRequestOptions(namespace_id="x")),
     "request_options.namespace_id"),
    (lambda c: c.ingest_jobs.get("job_1", request_options={"timeout": 1}), "request_options"),
])
def test_a_bad_argument_is_named_and_nothing_is_sent(call: Callable[[Any], object], argument: str) -> None:
    with FunctionServer(never) as server, at.AgentsetClient("sk_test_0123456789", base_url=server.url,
                                                           namespace_id="ns_1") as client:
        with pytest.raises(at.InvalidArgumentError) as raised:
            call(client)
        assert server.seen == []
    assert raised.value.argument == argument
    assert argument in str(raised.value)
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize("kwargs, argument", [
    ({"api_key": ""}, "api_key"),
    ({"api_key": "sk_x\nInjected: 1"}, "api_key"),
    ({"base_url": "ftp://example.com"}, "base_url"),
    ({"base_url": "http://example.com"}, "base_url"),
    ({"base_url": "https://user:pw@example.com"}, "base_url"),
    ({"timeout": 0}, "timeout"),
    ({"max_response_bytes": 0}, "max_response_bytes"),
])
def test_a_bad_client_option_is_named(kwargs: dict[str, Any], argument: str) -> None:
    options: dict[str, Any] = {"api_key": "sk_test_0123456789", "namespace_id": "ns_1", **kwargs}
    with pytest.raises(at.InvalidArgumentError) as raised:
        at.AgentsetClient(**options)
    assert raised.value.argument == argument
    assert "sk_x" not in str(raised.value)
