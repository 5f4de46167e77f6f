"""The sync attempt deadline over a stalled raw socket. httpcore applies its read timeout afresh to each socket read, so
a body that stalls just before the deadline used to hold the call up to one more read timeout; the watchdog now ends
the read at the deadline. Asserted by what the server sees (the client hangs up before the server's next chunk is
due), not by the wall clock. The watchdog itself is tested on a socket pair."""
from __future__ import annotations

import select
import socket
import threading
import time

import pytest

import astro_triggers as at
from astro_triggers._core.http.deadline_watchdog import DeadlineWatchdog

from ...support.raw_server import RawServer

HEAD = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\nconnection: close\r\n\r\n"
        b'{"success":true,')


def hung_up(conn: socket.socket, within: float) -> bool:
    readable, _, _ = select.select([conn], [], [], within)
    if not readable:
        return False
    try:
        return conn.recv(1) == b""
    except OSError:
        return True


def test_a_body_stalling_just_before_the_deadline_ends_at_the_deadline_not_a_read_timeout_later() -> None:
    # Attempt limit 1 s: headers at once, a chunk at 0.8 s, then a stall. Without the watchdog the read after the chunk
    # times out 1 s later (1.8 s); with it the client hangs up at 1 s. The server looks at 1.4 s.
    seen: dict[str, bool] = {}

    def script(conn: socket.socket, index: int) -> None:
        conn.sendall(HEAD)
        threading.Event().wait(0.8)
        conn.sendall(b" " * 10)
        seen["hung up by 1.4 s"] = hung_up(conn, 0.6)
        server.hold(conn)

    retry = at.RetryOptions(max_attempts=1, attempt_timeout=1.0)
    with RawServer(script) as server, at.AgentsetClient("sk_test_0123456789", base_url=server.url, namespace_id="ns_1",
                                                       retry=retry) as client:
        with pytest.raises(at.ServiceTimeoutError):
            client.ingest_jobs.get("job_1")
        for _ in range(100):
            if seen:
                break
            threading.Event().wait(0.02)
    assert seen == {"hung up by 1.4 s": True}


def test_a_disarmed_socket_is_left_alone_and_an_armed_one_is_shut_down() -> None:
    dog = DeadlineWatchdog()
    a, b = socket.socketpair()
    c, d = socket.socketpair()
    try:
        handle = dog.arm(time.monotonic() + 0.05, a)
        dog.disarm(handle)
        dog.arm(time.monotonic() + 0.05, c)
        c.settimeout(5)
        assert c.recv(1) == b""  # shut down while blocked in recv
        a.setblocking(False)
        with pytest.raises(BlockingIOError):
            a.recv(1)  # still open: nothing to read, no end of stream
    finally:
        for s in (a, b, c, d):
            s.close()
