from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .triggered_run import RunHandle


@dataclass(frozen=True)
class RunGroupProgress:
    """Where a :class:`RunGroup` stands (as .NET's ``RunGroupProgress``): runs still followed by their last common
    status, runs that ended by how, the oldest run still followed and the status reads so far. A run the group stopped
    following without a final status (a status read failed, the timeout passed) counts as ``abandoned``.

    Attributes:
        queued: Runs still followed whose last status was queued (or not yet visible).
        running: Runs still followed whose last status was running.
        unknown: Runs still followed whose last status the SDK did not know.
        succeeded: Runs that ended succeeded.
        failed: Runs that ended failed.
        cancelled: Runs that ended cancelled.
        abandoned: Runs the group stopped following without a final status (their result's ``error`` says why).
        oldest_running: The run followed longest that has not ended; None when every run ended.
        oldest_running_for: How long the group has followed ``oldest_running``, in seconds; 0 when there is none.
        status_reads: Status reads the group has sent so far (list pages and reads of single runs).
        observed_at: When this was computed, Unix seconds on the group's clock.
    """

    queued: int
    running: int
    unknown: int
    succeeded: int
    failed: int
    cancelled: int
    abandoned: int
    oldest_running: RunHandle[Any] | None
    oldest_running_for: float
    status_reads: int
    observed_at: float

    @property
    def total(self) -> int:
        """Every run of the group."""
        return self.ended + self.pending

    @property
    def ended(self) -> int:
        """Runs no longer followed: succeeded, failed, cancelled or abandoned."""
        return self.succeeded + self.failed + self.cancelled + self.abandoned

    @property
    def pending(self) -> int:
        """Runs still followed: queued, running or unknown."""
        return self.queued + self.running + self.unknown
