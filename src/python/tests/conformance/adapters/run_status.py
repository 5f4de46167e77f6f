from __future__ import annotations

from typing import Any

from astro_triggers.agentset import map_ingest_job_status
from astro_triggers.mixpeek import map_task_status
from astro_triggers.shipyard import map_fleet_run_status
from astro_triggers.truefoundry import map_job_run_status


def run_status(case: dict[str, Any]) -> dict[str, Any]:
    """run-status: {service, status} → {status} through each service's public map."""
    word = case["status"] if isinstance(case["status"], str) else None
    mapper = {"agentset": map_ingest_job_status, "truefoundry": map_job_run_status, "shipyard": map_fleet_run_status,
              "mixpeek": map_task_status}[case["service"]]
    return {"status": mapper(word)}
