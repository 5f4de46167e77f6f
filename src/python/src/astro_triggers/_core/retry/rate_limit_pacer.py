"""A port of the C# RateLimitPacer (Core/Retry/RateLimitPacer.cs): one client's picture of the service's rate-limit
window, from the ``X-RateLimit-Limit``/``-Remaining``/``-Reset`` headers of its answers (and a 429's own hint), shared
by every concurrent call of that client (one credential). Before each attempt a call asks for a slot.

The rules, each for liveness or for the budget (see the C# remarks): the picture is the service's latest word, judged
by its own reset moment; what may be sent now is ``Remaining`` minus the attempts in flight; a 429's explicit hint wins
over an older window; once the reset has passed one probe goes and its answer releases the rest (or another probe may
go after a grace); every timed wait ends at the reset moment (or the probe's grace). Until an answer carries the
headers the pacer is inactive and costs a counter increment per attempt. Thread-safe; the state is guarded by one lock
and never awaited under it, so sync and async calls of a client may share it."""
from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from .retry_after import UNIX_MS_THRESHOLD, parse_retry_after, parse_retry_after_value, server_now

PROBE_GRACE_MS = 1000.0
MINIMUM_WAIT_MS = 1.0
# The reset is in whole milliseconds, rounded down by the server: a probe a fraction early finds the slot still taken.
_RESET_ROUNDING_MS = 1.0
_SECOND_PRECISION_MS = 1000.0
_INT = re.compile(r"[+-]?[0-9]+\Z")
_INT_MAX = 2**31 - 1

HeaderLookup = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Window:
    """One answer's window: the count left, the reset as a wait from now and as a moment on the server's clock, and how
    precise that moment is."""

    remaining: int
    limit: int
    reset_in_ms: float
    server_reset_ms: float
    precision_ms: float


def _read_int32(raw: str | None) -> int | None:
    """An integer header as C# reads it (int.TryParse: optional sign, 32-bit), else None."""
    if raw is None or not _INT.match(raw.strip()):
        return None
    n = int(raw.strip())
    return n if -_INT_MAX - 1 <= n <= _INT_MAX else None


def read_window(get: HeaderLookup, client_now_ms: float) -> Window | None:
    """The three headers; None when Remaining or Reset is missing or unreadable."""
    remaining, reset_raw = _read_int32(get("x-ratelimit-remaining")), get("x-ratelimit-reset")
    if remaining is None or reset_raw is None:
        return None
    limit = _read_int32(get("x-ratelimit-limit"))
    if limit is None:
        limit = _INT_MAX
    raw = reset_raw.strip()
    now = server_now(get("date"), client_now_ms)
    reset_in = parse_retry_after_value(raw, now)
    if reset_in is None:
        return None
    precise = "." in raw or (raw.isdigit() and int(raw) >= UNIX_MS_THRESHOLD)
    return Window(remaining, limit, reset_in, now + reset_in, _RESET_ROUNDING_MS if precise else _SECOND_PRECISION_MS)


class Acquired:
    """The outcome of :meth:`RateLimitPacer.try_acquire`: a ticket, or how long to wait and whether the window is
    spent (then a wait longer than the call's budget ends the call)."""

    __slots__ = ("ticket", "wait_ms", "spent")

    def __init__(self, ticket: int | None, wait_ms: float = 0.0, spent: bool = False) -> None:
        self.ticket = ticket
        self.wait_ms = wait_ms
        self.spent = spent


class RateLimitPacer:
    """See the module docstring. ``monotonic_ms`` and ``now_ms`` are the client's clock."""

    def __init__(self, monotonic_ms: Callable[[], float], now_ms: Callable[[], float]) -> None:
        self._monotonic = monotonic_ms
        self._now = now_ms
        self._lock = threading.Lock()
        self._active = False
        self._issued = 0
        self._in_flight = 0
        self._remaining = 0
        self._reset_at = 0.0
        self._server_reset = float("-inf")
        self._precision = 0.0
        self._probe = -1
        self._probe_sent_at = 0.0
        self._listeners: list[Callable[[], None]] = []

    @property
    def is_active(self) -> bool:
        """Whether any answer so far carried the rate-limit headers."""
        return self._active

    @property
    def in_flight(self) -> int:
        """Attempts sent and not yet answered."""
        return self._in_flight

    def __repr__(self) -> str:
        """The picture, for a test's failure message."""
        return (f"RateLimitPacer(remaining {self._remaining}, in flight {self._in_flight}, resets in "
                f"{self._reset_at - self._monotonic():.0f} ms, probe {self._probe}, issued {self._issued})")

    def _ticket(self) -> int:
        self._in_flight += 1
        self._issued += 1
        return self._issued

    def ticket(self) -> int:
        """Numbers an attempt sent without pacing (nothing known yet)."""
        with self._lock:
            return self._ticket()

    def idle_ticket(self) -> int | None:
        """A ticket when no answer has carried the headers yet (nothing to pace), else None (ask
        :func:`pacing_decision`): the common case without the decision objects."""
        if self._active:
            return None
        with self._lock:
            return self._ticket() if not self._active else None

    def try_acquire(self) -> Acquired:
        """Takes a slot for one attempt, or says how long the picture stays as it is."""
        with self._lock:
            if not self._active:
                return Acquired(self._ticket())
            now = self._monotonic()
            spent = False
            if now < self._reset_at:
                if self._remaining - max(0, self._in_flight) > 0:
                    return Acquired(self._ticket())
                wait = self._reset_at - now
                spent = self._remaining <= 0
            elif self._remaining + 1 - max(0, self._in_flight) <= 0:
                # The reset frees at least one slot, but the attempts in flight may take it: their answers will tell.
                wait = PROBE_GRACE_MS
            elif self._probe < 0 or now - self._probe_sent_at >= PROBE_GRACE_MS:
                # The window has moved on, by how much is unknown: one probe goes, the rest wait for its answer.
                self._probe = self._ticket()
                self._probe_sent_at = now
                return Acquired(self._probe)
            else:
                wait = PROBE_GRACE_MS - (now - self._probe_sent_at)
            return Acquired(None, max(wait, MINIMUM_WAIT_MS), spent)

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Calls ``listener`` (once) at the next change; returns a function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)
        return unsubscribe

    def _take_listeners(self) -> list[Callable[[], None]]:
        listeners, self._listeners = self._listeners, []
        return listeners

    def observe(self, get: HeaderLookup, status: int, ticket: int) -> None:
        """Reads an answer's rate-limit headers (every attempt that got an answer, success or error)."""
        if status != 429 and get("x-ratelimit-reset") is None:
            # No window without a reset and no hint but a 429's: nothing to read (most answers of most services).
            self.abandon(ticket)
            return
        client_now = self._now()
        window = read_window(get, client_now)
        hint = parse_retry_after(get, client_now, True) if status == 429 and (window is not None or self._active) else None
        if window is None and hint is None:
            self.abandon(ticket)
            return
        with self._lock:
            self._active = True
            self._in_flight -= 1
            now = self._monotonic()
            rounding = _RESET_ROUNDING_MS
            if hint is not None:
                # The refusal says when to come back: the window is spent until then, whatever an older answer said.
                limit = window.limit if window is not None else _INT_MAX
                window = Window(0, limit, hint, server_now(get("date"), client_now) + hint, _SECOND_PRECISION_MS)
                rounding = 0.0
                adopt = True
            else:
                assert window is not None
                precision = max(window.precision_ms, self._precision)
                later = window.server_reset_ms > self._server_reset + precision
                same_window = not later and window.server_reset_ms >= self._server_reset - precision
                adopt = later or (same_window and window.remaining < self._remaining) or (
                    now >= self._reset_at and (ticket == self._probe or self._probe < 0))
            if adopt:
                self._remaining = min(max(window.remaining, 0), max(window.limit, 0))
                self._reset_at = now + window.reset_in_ms + rounding
                self._server_reset = window.server_reset_ms
                self._precision = window.precision_ms
            if ticket == self._probe or (adopt and now < self._reset_at):
                self._probe = -1
            listeners = self._take_listeners()
        for listener in listeners:
            listener()

    def abandon(self, ticket: int) -> None:
        """An attempt that got no answer: no longer in flight; if it was the probe, the next caller may probe."""
        with self._lock:
            self._in_flight -= 1
            if self._probe == ticket:
                self._probe = -1
            listeners = self._take_listeners() if self._active else []
        for listener in listeners:
            listener()


@dataclass(frozen=True)
class PacingDecision:
    """One acquire's decision (conformance rule ``rate-limit-pacing``; TypeScript's ``pacingDecision``, C#'s
    ``PacingStrategy.Decide``): ``kind`` is ``"go"`` (sent now under ``ticket``), ``"wait"`` (sleep at most
    ``wait_ms``, or until the picture changes, then ask again) or ``"paced"`` (end the call before anything is sent,
    :class:`~astro_triggers.PacedRateLimitError` with ``retry_after`` ``wait_ms``)."""

    kind: str
    ticket: int | None = None
    wait_ms: float = 0.0


def pacing_decision(pacer: RateLimitPacer, remaining_ms: float) -> PacingDecision:
    """The decision for an acquire with ``remaining_ms`` left of the call's budget. The service said the window is spent
    until a moment the call cannot wait for: end now, nothing sent. Held only by attempts in flight (or an unanswered
    probe), the call waits as long as its budget allows: their answers may free a slot any moment."""
    got = pacer.try_acquire()
    if got.ticket is not None:
        return PacingDecision("go", ticket=got.ticket)
    if (got.spent and got.wait_ms > remaining_ms) or remaining_ms <= 0:
        return PacingDecision("paced", wait_ms=got.wait_ms)
    return PacingDecision("wait", wait_ms=min(got.wait_ms, remaining_ms))
