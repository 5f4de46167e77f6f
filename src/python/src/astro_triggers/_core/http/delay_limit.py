"""The delay limit of a run wait's status reads (conformance rule ``poll-schedule``): no sleep inside a read a wait makes
(a retry's backoff or ``Retry-After``, the rate-limit pacer's wait) may end past the wait's deadline. The wait sets it
around each read; a call captures it when it starts. A ``ContextVar`` so the sync and async clients share it without a
parameter on every read path (an ``asyncio`` task copies it, so a read run under ``wait_for`` sees it too)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Milliseconds left until the limit, measured on the wait's own clock (the call's clock may be another object).
LeftMs = Callable[[], float]

_limit: ContextVar[LeftMs | None] = ContextVar("astro_triggers_delay_limit", default=None)


def current_delay_limit() -> LeftMs | None:
    """The limit the reads started now are under, or None outside a wait."""
    return _limit.get()


@contextmanager
def delay_limit(left_ms: LeftMs) -> Iterator[None]:
    """Bounds the sleeps of the calls started inside by ``left_ms()``; a limit already set (a wait inside a wait's
    read) still applies: the earlier one wins."""
    outer = _limit.get()
    if outer is None:
        token = _limit.set(left_ms)
    else:
        first: LeftMs = outer
        token = _limit.set(lambda: min(first(), left_ms()))
    try:
        yield
    finally:
        _limit.reset(token)
