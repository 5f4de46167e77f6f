"""A run group reads Shipyard fleet runs from their fleet's runs CSV: one read shows every run of the fleet (internal)."""
from __future__ import annotations

from typing import Any

from .._core.options import RequestOptions
from .._core.runs.run_list_reader import RunListSpec, observe_from_list


def fleet_list_spec(client: Any, ids: Any, options: RequestOptions | None) -> RunListSpec:
    """``client`` is the (sync or async) fleet-runs client; scope: organisation, project and fleet. A run the CSV does
    not show is not listed yet (queued), which a read of its own would not change."""
    return RunListSpec(
        owner=client, scope=(ids.org_id, ids.project_id, ids.fleet_id),
        list=lambda: client.list(ids.org_id, ids.project_id, ids.fleet_id, request_options=options),
        id_of=lambda record: None if record.fleet_log_id is None else record.fleet_log_id.strip(),
        apply=observe_from_list, complete=True, case_insensitive=True)
