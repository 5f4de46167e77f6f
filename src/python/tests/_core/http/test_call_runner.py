"""The call runner over loopback: what is retried and what never is (a create is not repeated unless the service
certainly did not act), and the log records of a call at the C# client's levels, with no secret in any of them."""
from __future__ import annotations

import json
import logging
import socket
from urllib.parse import quote

import httpx
import pytest

import astro_triggers as at
from astro_triggers._core.http.call_runner import header_map
from astro_triggers.agentset import CreateIngestJobRequest, TextPayload

from ...support.function_server import FunctionServer, Seen
from ...support.raw_server import RawServer, response
from ...support.virtual_clock import VirtualClock

KEY = 'sk_live_S3cr3t/+"key'
JOB = {"id": "job_1", "namespaceId": "ns_1", "status": "QUEUED", "payload": {"type": "TEXT", "text": "x"},
       "createdAt": "2026-11-30T10:00:00Z"}
OK = (200, {"content-type": "application/json"}, json.dumps({"success": True, "data": JOB}).encode())
CREATED = (201, {"content-type": "application/json"}, json.dumps({"success": True, "data": JOB}).encode())


def error(status: int, extra: dict[str, str] | None = None, message: str = "nope") -> tuple[int, dict[str, str], bytes]:
    body = json.dumps({"success": False, "error": {"code": "x", "message": message}}).encode()
    return status, {"content-type": "application/json", **(extra or {})}, body


def scripted(*answers: tuple[int, dict[str, str], bytes]):  # type: ignore[no-untyped-def]
    def respond(seen: Seen) -> tuple[int, dict[str, str], bytes]:
        return answers[min(len(server_seen(seen)) - 1, len(answers) - 1)]
    holder: list[FunctionServer] = []

    def server_seen(seen: Seen) -> list[Seen]:
        return holder[0].seen
    server = FunctionServer(respond)
    holder.append(server)
    return server


def create(client: at.AgentsetClient) -> object:
    return client.ingest_jobs.create(CreateIngestJobRequest(payload=TextPayload(text="x")))


def agentset(url: str, clock: VirtualClock | None = None, **kw: object) -> at.AgentsetClient:
    return at.AgentsetClient(KEY, base_url=url, namespace_id="ns_1", clock=clock or VirtualClock(), **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
def test_a_create_answered_with_an_ambiguous_failure_is_sent_once(status: int) -> None:
    with scripted(error(status), CREATED) as server, agentset(server.url) as client:
        with pytest.raises(at.AstroTriggersError) as raised:
            create(client)
    assert [s.method for s in server.seen] == ["POST"]
    # Not repeated either way; a 4xx (408 too) was refused before any effect, a 5xx may have been acted on (the
    # conformance rule service-error-may-have-been-processed).
    assert raised.value.status == status and raised.value.may_have_been_processed is (status >= 500)


@pytest.mark.parametrize("answer", [error(429, {"retry-after": "2"}), error(503, {"retry-after": "2"})])
def test_a_create_the_service_refused_with_a_retry_after_is_repeated_after_it(answer: tuple[int, dict[str, str], bytes]) -> None:
    clock = VirtualClock()
    with scripted(answer, CREATED) as server, agentset(server.url, clock) as client:
        create(client)
    assert [s.method for s in server.seen] == ["POST", "POST"]
    assert clock.sleeps == [2.0]


def test_a_create_whose_connection_is_reset_after_sending_is_not_repeated() -> None:
    def script(conn: socket.socket, index: int) -> None:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # RST on close

    with RawServer(script) as server, agentset(server.url) as client:
        with pytest.raises(at.TransportError) as raised:
            create(client)
    assert len(server.requests) == 1
    assert raised.value.may_have_been_processed is True


def test_a_read_whose_connection_is_reset_is_retried() -> None:
    def script(conn: socket.socket, index: int) -> None:
        if index == 0:
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            return
        conn.sendall(response(*OK))

    with RawServer(script) as server, agentset(server.url) as client:
        assert client.ingest_jobs.get("job_1").id == "job_1"
    assert len(server.requests) == 2


def test_a_create_with_retry_unsafe_requests_is_repeated_on_a_502() -> None:
    retry = at.RetryOptions(retry_unsafe_requests=True)
    with scripted(error(502), CREATED) as server, agentset(server.url, retry=retry) as client:
        create(client)
    assert [s.method for s in server.seen] == ["POST", "POST"]


class TestLogging:
    def test_debug_per_attempt_info_per_retry_warning_on_the_final_failure(self, caplog: pytest.LogCaptureFixture) -> None:
        with caplog.at_level(logging.DEBUG, logger="astro_triggers"), \
                scripted(error(503), error(503), error(404)) as server, agentset(server.url) as client:
            with pytest.raises(at.NotFoundError):
                client.ingest_jobs.get("job_1")
        records = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "astro_triggers"]
        assert [level for level, _ in records] == [logging.DEBUG, logging.INFO, logging.DEBUG, logging.INFO,
                                                   logging.DEBUG, logging.WARNING]
        assert "-> 503" in records[0][1] and "retrying in" in records[1][1]
        assert "getIngestJob failed after 3 attempt(s)" in records[-1][1]

    def test_a_success_logs_only_at_debug(self, caplog: pytest.LogCaptureFixture) -> None:
        with caplog.at_level(logging.DEBUG, logger="astro_triggers"), scripted(OK) as server, \
                agentset(server.url) as client:
            client.ingest_jobs.get("job_1")
        assert [r.levelno for r in caplog.records if r.name == "astro_triggers"] == [logging.DEBUG]

    def test_no_secret_in_any_record_repr_or_error_in_any_escaped_form(self, caplog: pytest.LogCaptureFixture) -> None:
        as_json = json.dumps(KEY)[1:-1]
        # Raw, percent-encoded, JSON-escaped, JSON with "\/" (allowed by JSON, written by PHP), and an HTML-safe
        # encoder's "\u002B"/"\u0022" (System.Text.Json's default).
        forms = [KEY, quote(KEY, safe=""), as_json, as_json.replace("/", "\\/"),
                 as_json.replace("+", "\\u002B").replace('\\"', "\\u0022")]
        echoed = "bad key " + " / ".join(forms)
        with caplog.at_level(logging.DEBUG, logger="astro_triggers"), \
                scripted(error(503), error(400, message=echoed)) as server, agentset(server.url) as client:
            with pytest.raises(at.BadRequestError) as raised:
                client.ingest_jobs.list(start_cursor=KEY).to_list()
            texts = [r.getMessage() for r in caplog.records] + [repr(client), str(client)]
        err = raised.value
        texts += [str(err), repr(err)] + [str(v) for v in vars(err).values()]
        assert server.seen[0].headers["authorization"] == f"Bearer {KEY}"  # it was sent, and only there
        leaks = [(form, text) for text in texts for form in forms if form in text]
        assert leaks == []


def test_response_headers_are_read_once_as_httpx_reads_them() -> None:
    # header_map stands in for httpx.Headers.get: lower-case names, a repeated header joined with ", ".
    answer = httpx.Response(200, headers=[("X-RateLimit-Reset", "5"), ("Set-Cookie", "a=1"), ("set-cookie", "b=2"),
                                          ("Content-Type", "application/json")])
    got = header_map(answer)
    assert got == {name: answer.headers.get(name) for name in ("x-ratelimit-reset", "set-cookie", "content-type")}
    assert got["set-cookie"] == "a=1, b=2"
