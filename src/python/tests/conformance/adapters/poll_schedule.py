from __future__ import annotations

from typing import Any

from astro_triggers._core.runs.poll_schedule import PollSchedule, next_poll_interval


def poll_schedule(case: dict[str, Any]) -> dict[str, Any]:
    """poll-schedule: {previousWaitMs, elapsedMs, pollIntervalMs, …} → {waitMs} through next_poll_interval."""
    previous = case["previousWaitMs"]
    schedule = PollSchedule(case["pollIntervalMs"], case["maxPollIntervalMs"], case["pollIntervalRatio"],
                            case["backoffFactor"])
    return {"waitMs": next_poll_interval(previous if isinstance(previous, (int, float)) else None,
                                         case["elapsedMs"], schedule)}
