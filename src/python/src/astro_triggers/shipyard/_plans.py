"""Shipyard's operations as plans (internal), shared by the sync and async clients."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._core import guard
from .._core.errors.client_errors import InvalidArgumentError
from .._core.http.call_settings import Answer
from .._core.plan import Plan, read_json, unreadable
from .._core.runs.wire_run_id import wire_run_id
from .._core.service_core import ClientCore
from .._generated import shipyard as wire
from ._csv import FleetRunRecord, parse_fleet_run_csv

OPS = wire.OPERATIONS


@dataclass(frozen=True)
class FleetRunIdentity:
    """The ids of a fleet run.

    Attributes:
        request_id: The request id of the start's answer; None for a tracked run.
        org_id: The organisation id.
        project_id: The project id.
        fleet_id: The fleet id.
        fleet_run_id: The fleet run id (the CSV's ``Fleet Log ID``).
        log_url: Link to the run's log, when the start gave one.
    """

    request_id: str | None
    org_id: str
    project_id: str
    fleet_id: str
    fleet_run_id: str
    log_url: str | None


def check_fleet(org_id: str, project_id: str, fleet_id: str) -> None:
    """The three path ids."""
    guard.path_segment(org_id, "org_id")
    guard.path_segment(project_id, "project_id")
    guard.path_segment(fleet_id, "fleet_id")


class ShipyardPlans:
    """Builds Shipyard's plans for one client (internal)."""

    def __init__(self, core: ClientCore) -> None:
        self.core = core

    def start(self, org_id: str, project_id: str, fleet_id: str,
              vessel_overrides: Sequence[wire.VesselOverride | Mapping[str, Any]] | None) -> Plan[FleetRunIdentity]:
        """Starts a fleet run (not idempotent)."""
        check_fleet(org_id, project_id, fleet_id)
        overrides = _check_overrides(vessel_overrides)
        op = OPS["triggerFleetRun"]
        request = self.core.request(op, {"orgId": org_id, "projectId": project_id, "fleetId": fleet_id}, None, None,
                                    {"vessel_overrides": overrides} if overrides else {})

        def parse(answer: Answer) -> FleetRunIdentity:
            data = read_json(op, answer)
            if not isinstance(data, dict):
                raise unreadable(op, answer.status, "is not a fleet run")
            raw_inner, raw_request = data.get("data"), data.get("request")
            inner: dict[str, Any] = raw_inner if isinstance(raw_inner, dict) else {}
            request_info: dict[str, Any] = raw_request if isinstance(raw_request, dict) else {}
            run_id = wire_run_id(inner.get("fleet_run_id"), op, answer.status, "data.fleet_run_id")
            return FleetRunIdentity(_text(request_info.get("id"), None), _text(inner.get("org_id"), org_id),
                                    _text(inner.get("project_id"), project_id), _text(inner.get("fleet_id"), fleet_id),
                                    run_id, _text(data.get("log"), None))
        return Plan(op, request, parse)

    def read_csv(self, org_id: str, project_id: str, fleet_id: str) -> Plan[list[FleetRunRecord]]:
        """The fleet's runs CSV."""
        op = OPS["listFleetRuns"]
        request = self.core.request(op, {"orgId": org_id, "projectId": project_id, "fleetId": fleet_id})
        return Plan(op, request, lambda a: parse_fleet_run_csv(a.text()))


def _text(value: Any, default: str | None) -> Any:
    return value if isinstance(value, str) else default


def find(records: list[FleetRunRecord], fleet_run_id: str) -> FleetRunRecord | None:
    """One run's row (case-insensitive id match), or None while it is not listed."""
    wanted = fleet_run_id.lower()
    return next((r for r in records if r.fleet_log_id is not None and r.fleet_log_id.strip().lower() == wanted), None)


def _check_overrides(overrides: Sequence[Any] | None) -> list[dict[str, Any]] | None:
    if not overrides:
        return None
    names: set[str] = set()
    result = []
    for i, vessel in enumerate(overrides):
        where = f"vessel_overrides[{i}]"
        body = vessel.to_json() if callable(getattr(vessel, "to_json", None)) else vessel
        if not isinstance(body, Mapping):
            raise InvalidArgumentError(where, f"'{where}' is required.")
        name = guard.not_blank(body.get("name"), f"{where}.name")
        if name in names:
            raise InvalidArgumentError(f"{where}.name", f"'{where}.name': vessel '{name}' is overridden twice (names are case-sensitive).")
        names.add(name)
        env = body.get("environment_variable_overrides")
        if not isinstance(env, Mapping):
            raise InvalidArgumentError(f"{where}.environment_variable_overrides", f"'{where}.environment_variable_overrides' is required.")
        for key, value in env.items():
            guard.not_blank(key, f"{where}.environment_variable_overrides key")
            if "=" in key:
                raise InvalidArgumentError(f"{where}.environment_variable_overrides", f"'{where}.environment_variable_overrides': variable name '{key}' must not contain '='.")
            if value is not None and not isinstance(value, str):
                raise InvalidArgumentError(f"{where}.environment_variable_overrides", f"'{where}.environment_variable_overrides.{key}' must be a string or None.")
        result.append(dict(body))
    return result
