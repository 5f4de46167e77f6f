"""The part of the run groups the sync and async loops share (internal): the runs and their schedules, which runs a
cycle reads and how (one list read per scope, single reads for the rest), ending and rescheduling runs, the progress."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

from .. import guard
from ..errors.client_errors import InvalidArgumentError
from ..errors.service_request_error import ServiceRequestError
from ..http.clock import Clock
from ..http.delay_limit import LeftMs
from .poll_schedule import PollSchedule, next_poll
from .run_errors import RunCancelledError, RunFailedError, RunWaitTimeoutError
from .run_group_progress import RunGroupProgress
from .run_list_reader import RunListSpec, list_spec_of
from .run_result import RunResult
from .triggered_run import RunHandle

H = TypeVar("H", bound=RunHandle[Any])
ProgressCallback = Callable[[RunGroupProgress], None]

# Runs due within this of a cycle's start (ms) are read in it (a timer never fires early, but clocks tick).
_TOLERANCE = 1.0


class _Entry(Generic[H]):
    __slots__ = ("run", "added", "spec", "due", "deadline_read", "interval", "reads", "result", "end_order")

    def __init__(self, run: H, added: float, spec: RunListSpec | None, due: float, deadline_read: bool) -> None:
        self.run = run
        self.added = added
        self.spec = spec
        self.due = due
        self.deadline_read = deadline_read  # the read at ``due`` is the one at the run's deadline: its last
        self.interval: float | None = None
        self.reads = 0
        self.result: RunResult[H] | None = None
        self.end_order = 0


class _Cycle(Generic[H]):
    """What one cycle's reads showed (shared by the sync and async loops)."""

    def __init__(self) -> None:
        self.requests = 0
        self.server_wait: float | None = None
        self.observed: dict[_Entry[H], None] = {}
        self.throttled: dict[_Entry[H], None] = {}
        self.errors: dict[_Entry[H], Exception] = {}
        self.singles: list[_Entry[H]] = []

    def listed(self, due: list[_Entry[H]], scope: list[_Entry[H]], requests: int, shown: set[RunHandle[Any]]) -> None:
        self.requests += requests
        self.observed.update((e, None) for e in scope if e.run in shown)
        self.singles.extend(e for e in due if e.run not in shown)

    def list_failed(self, due: list[_Entry[H]], error: Exception) -> None:
        self.requests += 1
        hint = _throttle(error)
        if hint is None:
            # A list that cannot be read this cycle: each due run is read on its own, as a single wait would.
            self.singles.extend(due)
        else:
            # Throttled after the client's own retries: back off, as a single wait does.
            self.server_wait = max(self.server_wait or 0.0, hint)
            self.throttled.update((e, None) for e in due)

    def read(self, entry: _Entry[H]) -> None:
        self.requests += 1
        self.observed[entry] = None

    def read_failed(self, entry: _Entry[H], error: Exception) -> None:
        self.requests += 1
        hint = _throttle(error)
        if hint is None:
            self.errors[entry] = error  # what a single wait would have raised ends this run only
        else:
            self.server_wait = max(self.server_wait or 0.0, hint)
            self.throttled[entry] = None


class _GroupCore(Generic[H]):
    def __init__(self, runs: Iterable[H] | None, poll_interval: float, max_poll_interval: float,
                 poll_interval_ratio: float, backoff_factor: float, timeout: float) -> None:
        self._schedule = PollSchedule(
            guard.positive_seconds(poll_interval, "poll_interval") * 1000,
            guard.positive_seconds(max_poll_interval, "max_poll_interval") * 1000,
            guard.between(poll_interval_ratio, 0, 10, "poll_interval_ratio"),
            guard.between(backoff_factor, 1, 10, "backoff_factor"))
        self._timeout = guard.positive_seconds(timeout, "timeout")
        self._entries: list[_Entry[H]] = []
        self._members: set[int] = set()
        self._clock: Clock | None = None
        self._origin = 0.0
        self._reads = 0
        self._end_sequence = 0
        self._waiting = False
        # Ends the async group's current sleep early (add() calls it: a new run joins the next cycle).
        self._wake: Callable[[], None] | None = None
        for run in runs or ():
            self.add(run)

    @property
    def count(self) -> int:
        """How many runs the group holds (ended ones included)."""
        return len(self._entries)

    @property
    def runs(self) -> list[H]:
        """The runs, in the order they were added."""
        return [e.run for e in self._entries]

    @property
    def progress(self) -> RunGroupProgress:
        """Where the group stands now: counts per status, the oldest run still followed, the status reads so far."""
        return self._snapshot()

    def add(self, run: H) -> None:
        """Adds a run to follow. A run already completed ends at once (its result comes first in the next
        ``when_each``); otherwise its first status read is due one poll interval from now (at the timeout when that is
        shorter). Raises
        :class:`InvalidArgumentError` when ``run`` is None or already in the group."""
        if run is None:
            raise InvalidArgumentError("run", "'run' is required.")
        if id(run) in self._members:
            raise InvalidArgumentError("run", f"'run': {run.service} run '{run.id}' is already in the group.")
        self._members.add(id(run))
        if self._clock is None:
            self._clock = run._clock
            self._origin = self._clock.monotonic()
        now = self._now()
        # The first read is a poll interval away, or at the deadline when the timeout is shorter (then it is the last).
        first = next_poll(None, 0.0, self._schedule, None, self._timeout * 1000)
        assert first.sleep_ms is not None
        entry = _Entry(run, now, list_spec_of(run), now + first.sleep_ms, first.at_deadline)
        self._entries.append(entry)
        if run.is_completed:
            self._end(entry, _failure(run))
        if self._wake is not None:
            self._wake()

    # ---- the wait's steps, shared by both loops ----

    def _begin(self) -> None:
        if self._waiting:
            raise RuntimeError("This group is already being waited on; one wait_for_all or when_each at a time.")
        self._waiting = True

    def _ended_since(self, yielded: int) -> tuple[list[RunResult[H]], int]:
        # A run someone else read to its end (its own cancel(), the caller's update_status()) ends without a read.
        for entry in self._entries:
            if entry.result is None and entry.run.is_completed:
                self._end(entry, _failure(entry.run))
        ended = sorted((e for e in self._entries if e.end_order > yielded), key=lambda e: e.end_order)
        return [e.result for e in ended if e.result is not None], self._end_sequence

    def _wait_ms(self) -> float | None:
        """None when every run ended; else how long until the earliest run is due (at most the tolerance: read now)."""
        due = [e.due for e in self._entries if e.result is None]
        return None if not due else min(due) - self._now()

    def _plan(self) -> tuple[list[tuple[Hashable | None, list[_Entry[H]]]], dict[Hashable, list[_Entry[H]]]]:
        now = self._now()
        groups: dict[Hashable | None, list[_Entry[H]]] = {}
        followed: dict[Hashable, list[_Entry[H]]] = {}
        for entry in self._entries:
            if entry.result is not None:
                continue
            key = None if entry.spec is None else (id(entry.spec.owner), entry.spec.scope)
            if entry.due <= now + _TOLERANCE:
                groups.setdefault(key, []).append(entry)
            if key is not None:
                followed.setdefault(key, []).append(entry)
        return list(groups.items()), followed

    def _finish(self, cycle: _Cycle[H]) -> None:
        self._reads += cycle.requests
        now = self._now()
        for entry, error in cycle.errors.items():
            entry.reads += 1
            self._end(entry, error)
        for entry in cycle.observed:
            entry.reads += 1
            self._reschedule(entry, now, entry.run.is_completed, None)
        for entry in cycle.throttled:
            self._reschedule(entry, now, False, cycle.server_wait)

    def _reschedule(self, entry: _Entry[H], now: float, completed: bool, server_wait: float | None) -> None:
        if entry.result is not None:
            return
        if completed:
            self._end(entry, _failure(entry.run))
            return
        # The run's own schedule, as a single wait keeps it; a longer Retry-After is waited instead, once; both cut to
        # its deadline.
        followed = now - entry.added
        step = next_poll(entry.interval, followed, self._schedule, server_wait, self._timeout * 1000 - followed)
        entry.interval = step.interval_ms
        if entry.deadline_read or step.sleep_ms is None:
            # The read at the deadline did not see it end: stop following it (the run goes on).
            self._end(entry, RunWaitTimeoutError(entry.run, self._timeout, entry.reads))
            return
        entry.deadline_read = step.at_deadline
        entry.due = now + step.sleep_ms

    def _time_left(self, served: list[_Entry[H]]) -> LeftMs:
        """The delay limit of a read serving ``served`` (a list read: every run of its scope still followed): the
        earliest of their deadlines, so no sleep inside the read ends past any of them."""
        deadline = min(e.added for e in served) + self._timeout * 1000
        return lambda: deadline - self._now()

    def _end(self, entry: _Entry[H], error: Exception | None) -> None:
        entry.result = RunResult(entry.run, error, self._clock.now() if self._clock is not None else 0.0)
        self._end_sequence += 1
        entry.end_order = self._end_sequence

    def _report(self, on_progress: ProgressCallback | None, last: RunGroupProgress | None) -> RunGroupProgress | None:
        """Tells ``on_progress`` when a count or the oldest run changed since the last report."""
        if on_progress is None:
            return None
        now = self._snapshot()
        if last is not None and _same(last, now):
            return last
        on_progress(now)
        return now

    def _snapshot(self) -> RunGroupProgress:
        counts = dict.fromkeys(("queued", "running", "unknown", "succeeded", "failed", "cancelled", "abandoned"), 0)
        oldest: _Entry[H] | None = None
        for entry in self._entries:
            result = entry.result
            if result is not None:
                error = result.error
                counts["succeeded" if error is None else "cancelled" if isinstance(error, RunCancelledError)
                       else "failed" if isinstance(error, RunFailedError) else "abandoned"] += 1
                continue
            oldest = oldest or entry
            status = entry.run.status
            counts[status if status in ("queued", "unknown") else "running"] += 1
        return RunGroupProgress(
            **counts, oldest_running=None if oldest is None else oldest.run,
            oldest_running_for=0.0 if oldest is None else (self._now() - oldest.added) / 1000,
            status_reads=self._reads, observed_at=self._clock.now() if self._clock is not None else 0.0)

    def _now(self) -> float:
        """Milliseconds since the first run joined, on the group's clock."""
        return 0.0 if self._clock is None else (self._clock.monotonic() - self._origin) * 1000

    def _cancel_targets(self) -> list[H]:
        return [e.run for e in self._entries if e.result is None and e.run.can_cancel]


def _failure(run: RunHandle[Any]) -> Exception | None:
    if run.status == "succeeded":
        return None
    return RunCancelledError(run) if run.status == "cancelled" else RunFailedError(run)


def _throttle(error: Exception) -> float | None:
    """A 429/503 after the client's own retries: its Retry-After in ms (0 when none); None for any other error."""
    if isinstance(error, ServiceRequestError) and error.status in (429, 503):
        return (error.retry_after or 0.0) * 1000
    return None


def _same(a: RunGroupProgress, b: RunGroupProgress) -> bool:
    return (a.queued, a.running, a.unknown, a.succeeded, a.failed, a.cancelled, a.abandoned) == \
        (b.queued, b.running, b.unknown, b.succeeded, b.failed, b.cancelled, b.abandoned) \
        and a.oldest_running is b.oldest_running
