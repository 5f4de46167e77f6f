"""A loopback TCP server that hands each request to a script writing raw bytes (faults HTTP servers will not make: a
body cut short, a wrong Content-Length, a stall mid-body, a reset). Real sockets, no mocks."""
from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from typing import Any

Script = Callable[[socket.socket, int], None]


def read_request(conn: socket.socket) -> bytes:
    """The request head and its Content-Length body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return head + b"\r\n\r\n" + rest


class RawServer:
    """Each connection: the request is read (kept in ``requests``), then ``script(conn, index)`` writes what it likes
    and the connection is closed, unless the script keeps it (``hold``) until the server stops."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: list[bytes] = []
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def hold(self, conn: socket.socket) -> None:
        """Keeps the connection open (a stall) until the server stops."""
        self._held.append(conn)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        try:
            request = read_request(conn)
            if not request:
                conn.close()
                return
            index = len(self.requests)
            self.requests.append(request)
            self.script(conn, index)
        except OSError:
            pass
        finally:
            if conn not in self._held:
                try:
                    conn.close()
                except OSError:
                    pass

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        for conn in self._held:
            try:
                conn.close()
            except OSError:
                pass
        self._thread.join(2)
        self._sock.close()


def response(status: int, headers: dict[str, str], body: bytes = b"", *, content_length: int | None = -1) -> bytes:
    """An HTTP/1.1 answer; ``content_length`` -1 writes the body's length, None writes none (close-delimited)."""
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()]
    if content_length is not None:
        lines.append(f"content-length: {len(body) if content_length == -1 else content_length}")
    lines.append("connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
