"""A clock that keeps real time but records every wait the SDK decides on, so a test asserts the decision (how long
it chose to wait), never how long the wall clock took."""
from __future__ import annotations

import asyncio
import time


class RecordingClock:
    """The system clock, with ``sleeps`` (seconds) recorded."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []

    def now(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        time.sleep(max(0.0, seconds))

    async def sleep_async(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        await asyncio.sleep(max(0.0, seconds))
