from __future__ import annotations

from typing import Any

from astro_triggers.shipyard._csv import parse_fleet_run_csv


def shipyard_csv(case: dict[str, Any]) -> dict[str, Any]:
    """shipyard-csv: {csv} → {records: [{fleetLogId, status, columns}]} through parse_fleet_run_csv."""
    return {"records": [{"fleetLogId": r.fleet_log_id, "status": r.status, "columns": dict(r.columns)}
                        for r in parse_fleet_run_csv(case["csv"])]}
