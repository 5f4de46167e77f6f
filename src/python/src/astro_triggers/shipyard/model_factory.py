from __future__ import annotations

from collections.abc import Mapping

from .._core.http.clock import system_clock
from .._core.runs import detached_run
from .._core.runs.run_status import RunStatus
from ._csv import FleetRunRecord
from ._plans import FleetRunIdentity
from ._status import map_fleet_run_status
from .fleet_runs import AsyncShipyardFleetRun, ShipyardFleetRun, _cannot_cancel

_FACTORY = "ShipyardModelFactory"


class ShipyardModelFactory:
    """Builds Shipyard results for your own unit tests (as C#'s and TypeScript's ``ShipyardModelFactory``): a row of
    the fleet-runs CSV and the run handle."""

    @staticmethod
    def fleet_run_record(*, fleet_log_id: str | None = None, status: str | None = None,
                         columns: Mapping[str, str] | None = None) -> FleetRunRecord:
        """One row of a fleet's runs CSV: ``fleet_log_id`` (the ``Fleet Log ID`` column, the run id) and ``status``
        (the ``Status`` column, e.g. ``"Success"``), each left out by default; ``columns`` further columns by header
        name (copied; the two above win over entries of the same name)."""
        all_columns = dict(columns or {})
        if fleet_log_id is not None:
            all_columns["Fleet Log ID"] = fleet_log_id
        if status is not None:
            all_columns["Status"] = status
        return FleetRunRecord(all_columns.get("Fleet Log ID"), all_columns.get("Status"), all_columns)

    @staticmethod
    def shipyard_fleet_run(ids: FleetRunIdentity, record: FleetRunRecord | None,
                           status_mapping: Mapping[str, RunStatus] | None = None) -> ShipyardFleetRun:
        """A run handle in a given state, without a client: its status comes from ``record``'s ``Status`` through
        ``map_fleet_run_status`` with ``status_mapping`` over the defaults (no record: not yet in the CSV, queued).
        For a succeeded, failed or cancelled run ``wait_for_completion()`` returns at once (failed and cancelled
        raise, as from a client, unless ``raise_on_failure=False``); for any other state it raises
        UnsupportedOperationError, as ``cancel()`` always does (Shipyard has no stop call either). Raises
        InvalidArgumentError when ``ids.fleet_run_id`` is blank."""
        run_id = detached_run.run_id(getattr(ids, "fleet_run_id", None), "ids.fleet_run_id")
        snapshot = _snapshot(status_mapping)
        run = ShipyardFleetRun("Shipyard", run_id, record, snapshot=snapshot, clock=system_clock,
                               read=detached_run.read("Shipyard", _FACTORY, run_id, record, snapshot),
                               cannot_cancel=_cannot_cancel(run_id))
        run.ids = ids
        return run

    @staticmethod
    def async_shipyard_fleet_run(ids: FleetRunIdentity, record: FleetRunRecord | None,
                                 status_mapping: Mapping[str, RunStatus] | None = None) -> AsyncShipyardFleetRun:
        """The async twin of :meth:`shipyard_fleet_run`."""
        run_id = detached_run.run_id(getattr(ids, "fleet_run_id", None), "ids.fleet_run_id")
        snapshot = _snapshot(status_mapping)
        run = AsyncShipyardFleetRun("Shipyard", run_id, record, snapshot=snapshot, clock=system_clock,
                                    read=detached_run.read_async("Shipyard", _FACTORY, run_id, record, snapshot),
                                    cannot_cancel=_cannot_cancel(run_id))
        run.ids = ids
        return run


def _snapshot(mapping: Mapping[str, RunStatus] | None) -> detached_run.Snapshot[FleetRunRecord | None]:
    def snapshot(record: FleetRunRecord | None) -> tuple[RunStatus, str | None, str | None]:
        status = None if record is None else record.status
        return map_fleet_run_status(status, mapping), status, None
    return snapshot
