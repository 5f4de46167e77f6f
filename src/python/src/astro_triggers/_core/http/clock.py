from __future__ import annotations

import asyncio
import time
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """The time source of a client; tests pass a virtual one so waits take no real time.

    ``now()`` is the wall clock (``Retry-After`` dates and a snapshot's ``observed_at`` are read against it);
    ``monotonic()`` never steps, and every elapsed time and deadline (a call's budget, a run wait's timeout) is
    measured on it. ``sleep``/``sleep_async`` wait between retries, pacing and polls. All in seconds.
    """

    def now(self) -> float:
        """Wall-clock time, Unix seconds."""

    def monotonic(self) -> float:
        """A monotonic reading in seconds from any origin."""

    def sleep(self, seconds: float) -> None:
        """Blocks for ``seconds`` (sync clients)."""

    async def sleep_async(self, seconds: float) -> None:
        """Waits ``seconds`` (async clients); cancellable."""


class SystemClock:
    """The real clock: ``time.time``, ``time.monotonic``, ``time.sleep``, ``asyncio.sleep``."""

    def now(self) -> float:
        """``time.time()``."""
        return time.time()

    def monotonic(self) -> float:
        """``time.monotonic()``."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """``time.sleep``."""
        if seconds > 0:
            time.sleep(seconds)

    async def sleep_async(self, seconds: float) -> None:
        """``asyncio.sleep``."""
        await asyncio.sleep(max(0.0, seconds))

    def __repr__(self) -> str:
        """``SystemClock()``."""
        return "SystemClock()"


system_clock = SystemClock()
"""The shared real clock."""
