from __future__ import annotations

from typing import Any

from astro_triggers._core.runs.poll_schedule import PollSchedule, next_poll


def poll_schedule(case: dict[str, Any]) -> dict[str, Any]:
    """poll-schedule: {previousWaitMs, elapsedMs, pollIntervalMs, …, retryAfterMs, remainingMs} →
    {waitMs, sleepMs, deadlineRead} through next_poll."""
    def optional(value: Any) -> float | None:
        return value if isinstance(value, (int, float)) else None

    schedule = PollSchedule(case["pollIntervalMs"], case["maxPollIntervalMs"], case["pollIntervalRatio"],
                            case["backoffFactor"])
    step = next_poll(optional(case["previousWaitMs"]), case["elapsedMs"], schedule, optional(case["retryAfterMs"]),
                     optional(case["remainingMs"]))
    return {"waitMs": step.interval_ms, "sleepMs": step.sleep_ms, "deadlineRead": step.at_deadline}
