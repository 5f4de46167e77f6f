from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .. import guard
from ..errors.client_errors import ServiceTimeoutError, UnsupportedOperationError
from ..errors.service_request_error import ServiceRequestError
from ..http.clock import Clock
from ..http.delay_limit import LeftMs, delay_limit
from .poll_schedule import PollSchedule, next_poll
from .run_errors import RunCancelledError, RunFailedError, RunWaitTimeoutError
from .run_status import RunSnapshot, RunStatus, is_terminal

T = TypeVar("T")
Snapshot = Callable[[T], "tuple[RunStatus, str | None, str | None]"]
ProgressCallback = Callable[[RunSnapshot], None]


@dataclass(frozen=True)
class _Wait:
    schedule: PollSchedule
    timeout: float
    raise_on_failure: bool


def _resolve_wait(poll_interval: float, max_poll_interval: float, poll_interval_ratio: float, backoff_factor: float,
                  timeout: float, raise_on_failure: bool) -> _Wait:
    schedule = PollSchedule(
        guard.positive_seconds(poll_interval, "poll_interval") * 1000,
        guard.positive_seconds(max_poll_interval, "max_poll_interval") * 1000,
        guard.between(poll_interval_ratio, 0, 10, "poll_interval_ratio"),
        guard.between(backoff_factor, 1, 10, "backoff_factor"))
    return _Wait(schedule, guard.positive_seconds(timeout, "timeout"), raise_on_failure)


class RunHandle(Generic[T]):
    """What every run handle shows (the sync :class:`TriggeredRun` and the async :class:`AsyncTriggeredRun`): a run
    started by a trigger, or rehydrated with a service's ``track(...)``.

    Attributes:
        service: Service name, e.g. ``"Agentset"``.
        id: The run's id in its service (job id, run name, fleet run id, task id).
    """

    def __init__(self, service: str, run_id: str, value: T, snapshot: Snapshot[T], clock: Clock,
                 cannot_cancel: str | None, can_cancel: bool) -> None:
        self.service = service
        self.id = run_id
        self._value = value
        self._snapshot = snapshot
        self._clock = clock
        self._cannot_cancel = cannot_cancel
        self._can_cancel = can_cancel
        self._current = self._observe(value)

    def _observe(self, value: T) -> RunSnapshot:
        status, raw, error = self._snapshot(value)
        return RunSnapshot(status, raw, error, self._clock.now())

    @property
    def value(self) -> T:
        """The service's own object as last read (the trigger's answer until the first status read)."""
        return self._value

    @property
    def current(self) -> RunSnapshot:
        """The last snapshot read."""
        return self._current

    @property
    def status(self) -> RunStatus:
        """The common status of the last snapshot."""
        return self._current.status

    @property
    def raw_status(self) -> str | None:
        """The service's own status word of the last snapshot."""
        return self._current.raw_status

    @property
    def error_message(self) -> str | None:
        """The service's error text of the last snapshot."""
        return self._current.error_message

    @property
    def is_completed(self) -> bool:
        """Whether the last snapshot is final."""
        return is_terminal(self._current.status)

    # Set by the sub-client that made the handle (it knows the scope); None for a handle that cannot be resumed.
    _resume_token_writer: Callable[[], str | None] | None = None
    # Set by the sub-client that made the handle: how a run group reads it through a list (run_list_reader.py).
    _list_spec: Any = None

    @property
    def resume_token(self) -> str | None:
        """The run's resume token (``atr1.…``: the service, the ids and the per-call scope such as namespace and
        tenant, never a credential), for the service client's ``resume_run(token)`` in this or any other language;
        None when the handle cannot be resumed (a TrueFoundry run started by deployment id, a model factory's)."""
        writer = self._resume_token_writer
        return None if writer is None else writer()

    @property
    def can_cancel(self) -> bool:
        """Whether :meth:`cancel` can stop this run (TrueFoundry terminate, Mixpeek task kill)."""
        return self._can_cancel

    def _set(self, value: T) -> RunStatus:
        self._value = value
        self._current = self._observe(value)
        return self._current.status

    def _unsupported(self) -> UnsupportedOperationError:
        return UnsupportedOperationError(
            self._cannot_cancel or f"{self.service} has no operation to stop a run; run {self.id} goes on.",
            service=self.service)

    def _final(self, wait: _Wait) -> None:
        if self.status != "succeeded" and wait.raise_on_failure:
            raise RunCancelledError(self) if self.status == "cancelled" else RunFailedError(self)

    def __repr__(self) -> str:
        """``<TypeName Service run id: status (raw)>``."""
        return f"<{type(self).__name__} {self}>"

    def __str__(self) -> str:
        """``Service run id: status (raw)``."""
        return f"{self.service} run {self.id}: {self.status} ({self.raw_status or 'not yet visible'})"


def _time_left(clock: Clock, deadline_ms: float) -> LeftMs:
    """The wait's delay limit: no retry delay or pacing wait inside its reads ends past its deadline (a read the
    service's rate limit leaves no room for before it is not sent: the paced 429, which the wait backs off from)."""
    return lambda: deadline_ms - clock.monotonic() * 1000


def _server_wait(error: Exception) -> float | None:
    """A 429/503 while polling (after the client's own retries) is waited out; None means "raise it"."""
    if isinstance(error, ServiceRequestError) and error.status in (429, 503):
        return (error.retry_after or 0.0) * 1000
    return None


class TriggeredRun(RunHandle[T]):
    """A run of a sync client: ``wait_for_completion()`` polls until the run is final, ``update_status()`` reads once,
    ``cancel()`` stops it where the service can."""

    def __init__(self, service: str, run_id: str, value: T, *, read: Callable[[], T], snapshot: Snapshot[T],
                 clock: Clock, cancel: Callable[[T], None] | None = None, cannot_cancel: str | None = None,
                 can_read: bool = True) -> None:
        """Built by the service clients."""
        super().__init__(service, run_id, value, snapshot, clock, cannot_cancel, cancel is not None)
        self._read = read
        self._cancel = cancel
        self._can_read = can_read

    def update_status(self) -> RunStatus:
        """Reads the status once; returns the common status now. Raises the service call's errors."""
        return self._set(self._read())

    def wait_for_completion(self, *, poll_interval: float = 1.0, max_poll_interval: float = 60.0,
                            poll_interval_ratio: float = 0.1, backoff_factor: float = 1.0, timeout: float = 3600.0,
                            raise_on_failure: bool = True, on_progress: ProgressCallback | None = None) -> TriggeredRun[T]:
        """Polls until the run is final and returns this handle.

        The wait after each read is the largest of ``poll_interval``, the previous wait times ``backoff_factor`` and
        ``poll_interval_ratio`` times the time waited so far, at most ``max_poll_interval`` (whole milliseconds). With
        the defaults a run is read every second for its first 10 s, then every tenth of the time waited, up to once a
        minute. A 429/503 while polling waits its ``Retry-After`` and polls again. Times in seconds.

        The ``timeout`` is kept to the letter: a wait that would end past it (a ``Retry-After`` too) is cut to the
        time left, the run is read once more at the deadline, and a run that read shows final is returned (or its
        failure raised); only a run still going then raises :class:`RunWaitTimeoutError`. The read at the deadline is
        bounded by the client's own timeouts. No sleep inside a read (a retry's delay, rate-limit pacing) passes the
        deadline: a retry that would is not made, and a read the service's rate limit leaves no room for before the
        deadline is not sent (at the deadline, the wait ends with :class:`RunWaitTimeoutError`).

        Args:
            poll_interval: The first and shortest wait. Default 1 s.
            max_poll_interval: The longest wait. Default 60 s.
            poll_interval_ratio: 0–10, the wait as a fraction of the time waited so far. Default 0.1.
            backoff_factor: 1–10, growth of each wait over the previous. Default 1.
            timeout: How long to wait in all, with a last read at the deadline. Default 3600 s; then
                :class:`RunWaitTimeoutError` (the run goes on). Zero is refused (a wait reads at least once).
            raise_on_failure: Raise :class:`RunFailedError` / :class:`RunCancelledError` on a failed/cancelled run.
            on_progress: Called with each snapshot read.

        Raises:
            RunFailedError, RunCancelledError, RunWaitTimeoutError, InvalidArgumentError, the status reads' errors.
        """
        wait = _resolve_wait(poll_interval, max_poll_interval, poll_interval_ratio, backoff_factor, timeout,
                             raise_on_failure)
        clock = self._clock
        started = clock.monotonic() * 1000
        timeout_ms = wait.timeout * 1000
        limit = _time_left(clock, started + timeout_ms)
        interval: float | None = None
        polls = 0
        deadline_read = False
        while True:
            server_wait: float | None = None
            try:
                with delay_limit(limit):
                    self.update_status()
                polls += 1
                if on_progress is not None:
                    on_progress(self._current)
            except ServiceTimeoutError:
                # A read that ran past the deadline on the client's own timeout: that was the last read.
                if not deadline_read and clock.monotonic() * 1000 - started >= timeout_ms:
                    raise RunWaitTimeoutError(self, wait.timeout, polls) from None
                raise
            except ServiceRequestError as error:
                server_wait = _server_wait(error)
                if server_wait is None:
                    raise
            if self.is_completed:
                self._final(wait)
                return self
            elapsed = clock.monotonic() * 1000 - started
            step = next_poll(interval, elapsed, wait.schedule, server_wait, timeout_ms - elapsed)
            interval = step.interval_ms
            if deadline_read or step.sleep_ms is None:
                # The read at the deadline (or one that ended past it) did not see the run end; the run goes on.
                raise RunWaitTimeoutError(self, wait.timeout, polls)
            deadline_read = step.at_deadline
            clock.sleep(step.sleep_ms / 1000)

    def cancel(self) -> None:
        """Asks the service to stop the run, then reads its status once (stopping is asynchronous: wait for completion
        to see it end cancelled). Raises :class:`UnsupportedOperationError` where the service has no such call (the
        message says what to do instead), and the call's errors."""
        if self._cancel is None:
            raise self._unsupported()
        self._cancel(self._value)
        if self._can_read:
            self.update_status()


class AsyncTriggeredRun(RunHandle[T]):
    """A run of an async client: ``await run.wait_for_completion()``, ``await run.update_status()``,
    ``await run.cancel()``. Cancel the awaiting task to stop waiting (the run goes on)."""

    def __init__(self, service: str, run_id: str, value: T, *, read: Callable[[], Awaitable[T]],
                 snapshot: Snapshot[T], clock: Clock, cancel: Callable[[T], Awaitable[None]] | None = None,
                 cannot_cancel: str | None = None, can_read: bool = True) -> None:
        """Built by the service clients."""
        super().__init__(service, run_id, value, snapshot, clock, cannot_cancel, cancel is not None)
        self._read = read
        self._cancel = cancel
        self._can_read = can_read

    async def update_status(self) -> RunStatus:
        """Reads the status once; returns the common status now. Raises the service call's errors."""
        return self._set(await self._read())

    async def wait_for_completion(self, *, poll_interval: float = 1.0, max_poll_interval: float = 60.0,
                                  poll_interval_ratio: float = 0.1, backoff_factor: float = 1.0,
                                  timeout: float = 3600.0, raise_on_failure: bool = True,
                                  on_progress: ProgressCallback | None = None) -> AsyncTriggeredRun[T]:
        """Polls until the run is final and returns this handle; see :meth:`TriggeredRun.wait_for_completion` for the
        schedule, the deadline read, defaults (seconds) and errors. A status read still running at the wait's deadline is
        abandoned and :class:`RunWaitTimeoutError` raised; the read at the deadline itself is bounded by the client's
        own timeouts."""
        wait = _resolve_wait(poll_interval, max_poll_interval, poll_interval_ratio, backoff_factor, timeout,
                             raise_on_failure)
        clock = self._clock
        started = clock.monotonic() * 1000
        timeout_ms = wait.timeout * 1000
        limit = _time_left(clock, started + timeout_ms)
        interval: float | None = None
        polls = 0
        deadline_read = False
        while True:
            left = timeout_ms - (clock.monotonic() * 1000 - started)
            # A sleep that overran the deadline by a timer's lateness: this read is the one at the deadline.
            deadline_read = deadline_read or left <= 0
            server_wait: float | None = None
            try:
                with delay_limit(limit):
                    if deadline_read:
                        # The read at the deadline is bounded by the client's own timeouts, not cut by the wait's.
                        await self.update_status()
                    else:
                        await asyncio.wait_for(self.update_status(), timeout=left / 1000)
                polls += 1
                if on_progress is not None:
                    on_progress(self._current)
            except asyncio.TimeoutError:
                raise RunWaitTimeoutError(self, wait.timeout, polls) from None
            except ServiceTimeoutError:
                if not deadline_read and clock.monotonic() * 1000 - started >= timeout_ms:
                    raise RunWaitTimeoutError(self, wait.timeout, polls) from None
                raise
            except ServiceRequestError as error:
                server_wait = _server_wait(error)
                if server_wait is None:
                    raise
            if self.is_completed:
                self._final(wait)
                return self
            elapsed = clock.monotonic() * 1000 - started
            step = next_poll(interval, elapsed, wait.schedule, server_wait, timeout_ms - elapsed)
            interval = step.interval_ms
            if deadline_read or step.sleep_ms is None:
                raise RunWaitTimeoutError(self, wait.timeout, polls)
            deadline_read = step.at_deadline
            await clock.sleep_async(step.sleep_ms / 1000)

    async def cancel(self) -> None:
        """Asks the service to stop the run, then reads its status once; see :meth:`TriggeredRun.cancel`."""
        if self._cancel is None:
            raise self._unsupported()
        await self._cancel(self._value)
        if self._can_read:
            await self.update_status()
