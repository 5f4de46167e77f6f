from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._core import guard
from .._core.options import RequestOptions
from .._core.paging.pageable import AsyncPageable, Pageable
from .._core.paging.single_page import async_single_page, single_page
from .._core.runs.run_status import RunStatus
from .._core.runs.resume_token import try_encode_resume_token, with_resume_token
from .._core.runs.triggered_run import AsyncTriggeredRun, TriggeredRun
from .._core.service_core import AsyncTransport, SyncTransport
from .._generated.shipyard import VesselOverride
from .._core.runs.run_list_reader import with_list_reading
from ._csv import FleetRunRecord
from ._list_reading import fleet_list_spec
from ._plans import FleetRunIdentity, ShipyardPlans, check_fleet, find
from ._status import map_fleet_run_status


def _cannot_cancel(run_id: str) -> str:
    return f"Shipyard's API has no call to stop a fleet run; run {run_id} goes on (stop it in the Shipyard app)."


class ShipyardFleetRun(TriggeredRun["FleetRunRecord | None"]):
    """A Shipyard fleet run (``fleet_runs.start`` or ``fleet_runs.track``), its status read from the fleet-runs CSV;
    ``value`` is its CSV row as last read, None until it is listed (then ``queued`` with no raw status). ``cancel()``
    raises UnsupportedOperationError: Shipyard's API has no call that stops a run.

    Attributes:
        ids: The run's ids.
    """

    ids: FleetRunIdentity


class AsyncShipyardFleetRun(AsyncTriggeredRun["FleetRunRecord | None"]):
    """The async :class:`ShipyardFleetRun`."""

    ids: FleetRunIdentity


class _Base:
    def __init__(self, plans: ShipyardPlans, mapping: Mapping[str, RunStatus] | None) -> None:
        self._plans = plans
        self._mapping = mapping

    def _snapshot(self, record: FleetRunRecord | None) -> tuple[RunStatus, str | None, str | None]:
        status = None if record is None else record.status
        return map_fleet_run_status(status, self._mapping), status, None


class FleetRunsClient(_Base):
    """Shipyard fleet runs under ``/orgs/{org}/projects/{project}/fleets/{fleet}/fleetruns``: start (with per-vessel
    environment overrides), track, get and list; status comes from the fleet-runs CSV. Shipyard has no stop call."""

    def __init__(self, transport: SyncTransport, plans: ShipyardPlans, mapping: Mapping[str, RunStatus] | None) -> None:
        """Built by :class:`ShipyardClient`."""
        super().__init__(plans, mapping)
        self._t = transport

    def start(self, org_id: str, project_id: str, fleet_id: str,
              vessel_overrides: Sequence[VesselOverride | Mapping[str, Any]] | None = None, *,
              request_options: RequestOptions | None = None) -> ShipyardFleetRun:
        """Starts a fleet run (``POST …/fleetruns``, 201). Not idempotent. Without overrides the body is ``{}``;
        ``""`` sets a variable empty, None keeps the vessel's value; vessel names may appear once. Raises
        InvalidArgumentError; BadRequestError (Shipyard's bare 400, with ``request_id``); the call's errors."""
        return self._handle(self._t.call(self._plans.start(org_id, project_id, fleet_id, vessel_overrides),
                                         request_options), request_options)

    def track(self, org_id: str, project_id: str, fleet_id: str, fleet_run_id: str, *,
              request_options: RequestOptions | None = None) -> ShipyardFleetRun:
        """Follows a fleet run known by id (rehydration); nothing is sent until it is read."""
        check_fleet(org_id, project_id, fleet_id)
        guard.not_blank(fleet_run_id, "fleet_run_id")
        return self._handle(FleetRunIdentity(None, org_id, project_id, fleet_id, fleet_run_id, None), request_options)

    def list(self, org_id: str, project_id: str, fleet_id: str, *,
             request_options: RequestOptions | None = None) -> Pageable[FleetRunRecord]:
        """The fleet's runs from its CSV, every column kept; one page (Shipyard answers in one piece)."""
        check_fleet(org_id, project_id, fleet_id)
        plan = self._plans.read_csv(org_id, project_id, fleet_id)

        def fetch() -> list[FleetRunRecord]:
            return self._t.call(plan, request_options)
        return single_page(fetch)

    def get(self, org_id: str, project_id: str, fleet_id: str, fleet_run_id: str, *,
            request_options: RequestOptions | None = None) -> FleetRunRecord | None:
        """One run's CSV row, or None while it is not listed yet (case-insensitive id match)."""
        check_fleet(org_id, project_id, fleet_id)
        guard.not_blank(fleet_run_id, "fleet_run_id")
        return find(self._t.call(self._plans.read_csv(org_id, project_id, fleet_id), request_options), fleet_run_id)

    def _handle(self, ids: FleetRunIdentity, options: RequestOptions | None) -> ShipyardFleetRun:
        run = ShipyardFleetRun("Shipyard", ids.fleet_run_id, None, snapshot=self._snapshot, clock=self._t.core.clock,
                               read=lambda: self.get(ids.org_id, ids.project_id, ids.fleet_id, ids.fleet_run_id,
                                                     request_options=options),
                               cannot_cancel=_cannot_cancel(ids.fleet_run_id))
        run.ids = ids
        with_resume_token(run, lambda: try_encode_resume_token(
            "shipyard", org=ids.org_id, project=ids.project_id, fleet=ids.fleet_id, run=ids.fleet_run_id))
        return with_list_reading(run, fleet_list_spec(self, ids, options))


class AsyncFleetRunsClient(_Base):
    """The async :class:`FleetRunsClient`."""

    def __init__(self, transport: AsyncTransport, plans: ShipyardPlans,
                 mapping: Mapping[str, RunStatus] | None) -> None:
        """Built by :class:`AsyncShipyardClient`."""
        super().__init__(plans, mapping)
        self._t = transport

    async def start(self, org_id: str, project_id: str, fleet_id: str,
                    vessel_overrides: Sequence[VesselOverride | Mapping[str, Any]] | None = None, *,
                    request_options: RequestOptions | None = None) -> AsyncShipyardFleetRun:
        """See :meth:`FleetRunsClient.start`."""
        return self._handle(await self._t.call(self._plans.start(org_id, project_id, fleet_id, vessel_overrides),
                                               request_options), request_options)

    def track(self, org_id: str, project_id: str, fleet_id: str, fleet_run_id: str, *,
              request_options: RequestOptions | None = None) -> AsyncShipyardFleetRun:
        """See :meth:`FleetRunsClient.track`."""
        check_fleet(org_id, project_id, fleet_id)
        guard.not_blank(fleet_run_id, "fleet_run_id")
        return self._handle(FleetRunIdentity(None, org_id, project_id, fleet_id, fleet_run_id, None), request_options)

    def list(self, org_id: str, project_id: str, fleet_id: str, *,
             request_options: RequestOptions | None = None) -> AsyncPageable[FleetRunRecord]:
        """See :meth:`FleetRunsClient.list`."""
        check_fleet(org_id, project_id, fleet_id)

        async def fetch() -> list[FleetRunRecord]:
            return await self._t.call(self._plans.read_csv(org_id, project_id, fleet_id), request_options)
        return async_single_page(fetch)

    async def get(self, org_id: str, project_id: str, fleet_id: str, fleet_run_id: str, *,
                  request_options: RequestOptions | None = None) -> FleetRunRecord | None:
        """See :meth:`FleetRunsClient.get`."""
        check_fleet(org_id, project_id, fleet_id)
        guard.not_blank(fleet_run_id, "fleet_run_id")
        return find(await self._t.call(self._plans.read_csv(org_id, project_id, fleet_id), request_options),
                    fleet_run_id)

    def _handle(self, ids: FleetRunIdentity, options: RequestOptions | None) -> AsyncShipyardFleetRun:
        async def read() -> FleetRunRecord | None:
            return await self.get(ids.org_id, ids.project_id, ids.fleet_id, ids.fleet_run_id, request_options=options)
        run = AsyncShipyardFleetRun("Shipyard", ids.fleet_run_id, None, snapshot=self._snapshot,
                                    clock=self._t.core.clock, read=read, cannot_cancel=_cannot_cancel(ids.fleet_run_id))
        run.ids = ids
        with_resume_token(run, lambda: try_encode_resume_token(
            "shipyard", org=ids.org_id, project=ids.project_id, fleet=ids.fleet_id, run=ids.fleet_run_id))
        return with_list_reading(run, fleet_list_spec(self, ids, options))
