"""A virtual clock for the SDK's ``clock=``: ``sleep`` moves time on at once and records the wait, so a test asserts the
waits the SDK decided on (poll schedules, backoff, deadlines) without taking real time or reading the wall clock."""
from __future__ import annotations

import asyncio
import threading


class VirtualClock:
    """Starts at ``now`` (Unix seconds); ``monotonic`` starts at 1000. ``sleeps`` holds every wait in seconds."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self._lock = threading.Lock()
        self._wall = now
        self._mono = 1000.0
        self.sleeps: list[float] = []

    def now(self) -> float:
        with self._lock:
            return self._wall + (self._mono - 1000.0)

    def monotonic(self) -> float:
        with self._lock:
            return self._mono

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._mono += max(0.0, seconds)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)

    async def sleep_async(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)
        await asyncio.sleep(0)
