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
