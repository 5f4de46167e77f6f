from __future__ import annotations

from .._core.runs.run_status import RunStatus, map_status
from .._generated.truefoundry import RUN_STATUS


def map_job_run_status(status: str | None) -> RunStatus:
    """TrueFoundry's run status → the common model (the document's ``x-astro-run-status``); an unknown word is
    ``unknown``."""
    return map_status(RUN_STATUS, status)
