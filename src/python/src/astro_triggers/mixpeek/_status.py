from __future__ import annotations

from .._core.runs.run_status import RunStatus, map_status
from .._generated.mixpeek import RUN_STATUS


def map_task_status(status: str | None) -> RunStatus:
    """Mixpeek's task status → the common model: PENDING → queued; IN_PROGRESS, PROCESSING → running; COMPLETED →
    succeeded; COMPLETED_WITH_ERRORS, FAILED → failed; CANCELED, SKIPPED → cancelled; anything else → unknown."""
    return map_status(RUN_STATUS, status)
