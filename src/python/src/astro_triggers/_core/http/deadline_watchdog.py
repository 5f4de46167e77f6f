"""Ends a sync attempt's body read exactly at its deadline (internal).

httpcore takes a response's read timeout once, when the body starts streaming, and applies it afresh to every socket
read: a body that stalls just before the attempt's deadline would hold the call for up to one more read timeout. The
async runner bounds the whole attempt with ``asyncio.wait_for``; the sync runner arms this watchdog instead: one daemon
thread for the process that, at an armed deadline, shuts the response's socket down, so the blocked read returns at
once and the runner raises the attempt's (or the call's) timeout. Arming and disarming cost a lock and a heap push; the
thread sleeps on a condition until the earliest deadline."""
from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
from typing import Any


class DeadlineWatchdog:
    """Shuts sockets down at their deadlines (``time.monotonic`` seconds)."""

    def __init__(self) -> None:
        self._cv = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        self._armed: dict[int, socket.socket] = {}
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, deadline: float, sock: socket.socket) -> int:
        """Shuts ``sock`` down at ``deadline`` unless disarmed first; returns the handle to disarm."""
        with self._cv:
            handle = next(self._ids)
            self._armed[handle] = sock
            heapq.heappush(self._heap, (deadline, handle))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="astro-triggers-deadlines", daemon=True)
                self._thread.start()
            elif self._heap[0][1] == handle:
                self._cv.notify()
        return handle

    def disarm(self, handle: int) -> None:
        """Forgets an armed socket (its heap entry is dropped when it comes due)."""
        with self._cv:
            self._armed.pop(handle, None)

    def _run(self) -> None:
        with self._cv:
            while True:
                while self._heap and self._heap[0][1] not in self._armed:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cv.wait()
                    continue
                deadline, handle = self._heap[0]
                left = deadline - time.monotonic()
                if left > 0:
                    self._cv.wait(left)
                    continue
                heapq.heappop(self._heap)
                sock = self._armed.pop(handle, None)
                if sock is not None:
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass


watchdog = DeadlineWatchdog()
"""The process's one watchdog."""


def socket_of(extensions: Any) -> socket.socket | None:
    """The socket under an httpx response (httpcore's ``network_stream`` extension), or None (a mock transport, an
    HTTP/2 or proxied stream without one)."""
    stream = extensions.get("network_stream") if isinstance(extensions, dict) else None
    get = getattr(stream, "get_extra_info", None)
    sock = get("socket") if callable(get) else None
    return sock if isinstance(sock, socket.socket) else None
