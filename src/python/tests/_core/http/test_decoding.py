"""Decoding and the size cap over raw sockets: gzip/deflate/br bombs end in ResponseTooLargeError while the body is
still streaming (the server never finishes it: a client that read it whole would time out instead), a compressed body
cut short is a TransportError (retried for reads, may_have_been_processed for creates), a Content-Length the body
does not match is a TransportError, one declared over the cap is refused before reading."""
from __future__ import annotations

import gzip
import socket
import zlib

import pytest

import astro_triggers as at
from astro_triggers.agentset import CreateIngestJobRequest, TextPayload

from ...support.raw_server import RawServer, response

LIMIT = 256 * 1024
NO_RETRY = at.RetryOptions.NONE
JOB = (b'{"success":true,"data":{"id":"job_1","namespaceId":"ns_1","status":"QUEUED",'
       b'"payload":{"type":"TEXT","text":"x"},"createdAt":"2026-11-30T10:00:00Z"}}')


def client(url: str, **kw: object) -> at.AgentsetClient:
    return at.AgentsetClient("sk_test_0123456789", base_url=url, namespace_id="ns_1", max_response_bytes=LIMIT,
                             timeout=20, **kw)  # type: ignore[arg-type]


def bomb(coding: str) -> bytes:
    zeros = b"\0" * (8 * 1024 * 1024)
    if coding == "gzip":
        return gzip.compress(zeros)
    if coding == "deflate":
        return zlib.compress(zeros, 9)
    brotli = pytest.importorskip("brotli")
    return brotli.compress(zeros)  # type: ignore[no-any-return]


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_a_bomb_is_capped_while_streaming(coding: str) -> None:
    body = bomb(coding)

    def script(conn: socket.socket, index: int) -> None:
        # Close-delimited and the connection kept open, so the body never ends: only a client that stops at the cap
        # ends this call before its timeout.
        conn.sendall(response(200, {"content-type": "application/json", "content-encoding": coding}, body,
                              content_length=None))
        server.hold(conn)

    with RawServer(script) as server, client(server.url, retry=NO_RETRY) as c:
        with pytest.raises(at.ResponseTooLargeError) as raised:
            c.ingest_jobs.get("job_1")
    assert len(server.requests) == 1
    assert raised.value.status == 200


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_a_compressed_body_cut_short_is_a_transport_error_and_a_read_is_retried(coding: str) -> None:
    whole = gzip.compress(JOB) if coding == "gzip" else zlib.compress(JOB)

    def script(conn: socket.socket, index: int) -> None:
        cut = whole[: len(whole) - 6] if index == 0 else whole
        conn.sendall(response(200, {"content-type": "application/json", "content-encoding": coding}, cut,
                              content_length=None))

    with RawServer(script) as server, client(server.url, retry=at.RetryOptions(max_attempts=2, base_delay=0.001)) as c:
        assert c.ingest_jobs.get("job_1").id == "job_1"
    assert len(server.requests) == 2


def test_a_create_whose_compressed_answer_is_cut_short_may_have_been_processed_and_is_not_repeated() -> None:
    def script(conn: socket.socket, index: int) -> None:
        cut = gzip.compress(JOB)[:-6]
        conn.sendall(response(201, {"content-type": "application/json", "content-encoding": "gzip"}, cut,
                              content_length=None))

    with RawServer(script) as server, client(server.url) as c:
        with pytest.raises(at.TransportError) as raised:
            c.ingest_jobs.create(CreateIngestJobRequest(payload=TextPayload(text="x")))
    assert raised.value.may_have_been_processed is True
    assert len(server.requests) == 1


def test_a_body_shorter_than_its_content_length_is_a_transport_error() -> None:
    def script(conn: socket.socket, index: int) -> None:
        conn.sendall(response(200, {"content-type": "application/json"}, JOB, content_length=len(JOB) + 50))

    with RawServer(script) as server, client(server.url, retry=NO_RETRY) as c:
        with pytest.raises(at.TransportError):
            c.ingest_jobs.get("job_1")
    assert len(server.requests) == 1


def test_a_declared_length_over_the_cap_is_refused_before_the_body_is_read() -> None:
    def script(conn: socket.socket, index: int) -> None:
        conn.sendall(response(200, {"content-type": "application/json"}, b"{", content_length=LIMIT + 1))
        server.hold(conn)

    with RawServer(script) as server, client(server.url, retry=NO_RETRY) as c:
        with pytest.raises(at.ResponseTooLargeError) as raised:
            c.ingest_jobs.get("job_1")
    assert "declared" in str(raised.value) or str(LIMIT + 1) in str(raised.value)


def test_an_identity_body_over_the_cap_is_refused_while_streaming() -> None:
    def script(conn: socket.socket, index: int) -> None:
        conn.sendall(response(200, {"content-type": "application/json"}, b" " * (LIMIT + 10), content_length=None))
        server.hold(conn)

    with RawServer(script) as server, client(server.url, retry=NO_RETRY) as c:
        with pytest.raises(at.ResponseTooLargeError):
            c.ingest_jobs.get("job_1")
