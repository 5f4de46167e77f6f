from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class PollSchedule:
    """The poll schedule's settings, resolved and checked (internal; milliseconds)."""

    poll_interval_ms: float
    max_poll_interval_ms: float
    poll_interval_ratio: float
    backoff_factor: float


def next_poll_interval(previous_ms: float | None, elapsed_ms: float, schedule: PollSchedule) -> float:
    """The wait after a read (conformance rule ``poll-schedule``, as .NET's ``RunWaitOptions.NextPollInterval``): the
    largest of the poll interval, the previous wait grown by the backoff factor and the ratio of the time waited so
    far, capped by the larger of the two interval limits, in whole milliseconds (floored)."""
    grown = 0.0 if previous_ms is None else previous_ms * schedule.backoff_factor
    nxt = max(schedule.poll_interval_ms, schedule.poll_interval_ratio * elapsed_ms, grown)
    return float(math.floor(min(nxt, max(schedule.max_poll_interval_ms, schedule.poll_interval_ms))))


@dataclass(frozen=True)
class PollStep:
    """What a wait does after a read that did not see the run end (internal; milliseconds)."""

    interval_ms: float
    """The schedule's own wait, grown from the previous one (a Retry-After does not feed the schedule)."""
    sleep_ms: float | None
    """How long to sleep before the next read; None when no read is left (the deadline has passed)."""
    at_deadline: bool
    """The next read is the one at the deadline, the last: a run it does not see ended has timed out."""


def next_poll(previous_ms: float | None, elapsed_ms: float, schedule: PollSchedule, server_wait_ms: float | None,
              remaining_ms: float | None) -> PollStep:
    """The schedule's own wait (:func:`next_poll_interval`), or the service's Retry-After when longer, cut to the time
    left to the deadline, so the last read comes at the deadline itself rather than before or after it (conformance
    rule ``poll-schedule``, as .NET's ``RunWaitOptions.NextPoll``). ``remaining_ms`` None: a wait without timeout."""
    interval = next_poll_interval(previous_ms, elapsed_ms, schedule)
    wait = max(server_wait_ms or 0.0, interval)
    if remaining_ms is None:
        return PollStep(interval, wait, False)
    if remaining_ms <= 0:
        return PollStep(interval, None, False)
    return PollStep(interval, remaining_ms, True) if wait >= remaining_ms else PollStep(interval, wait, False)
