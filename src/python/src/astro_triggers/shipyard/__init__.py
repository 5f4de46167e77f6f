"""Shipyard: fleet runs (start, track, get, list) from the fleet-runs CSV."""
from .._generated.shipyard import VesselOverride
from ._csv import FleetRunRecord, parse_fleet_run_csv
from ._plans import FleetRunIdentity
from ._status import DEFAULT_FLEET_RUN_STATUS_MAPPING, map_fleet_run_status
from .client import AsyncShipyardClient, ShipyardClient
from .fleet_runs import AsyncFleetRunsClient, AsyncShipyardFleetRun, FleetRunsClient, ShipyardFleetRun

__all__ = ["ShipyardClient", "AsyncShipyardClient", "FleetRunsClient", "AsyncFleetRunsClient", "ShipyardFleetRun",
           "AsyncShipyardFleetRun", "FleetRunIdentity", "FleetRunRecord", "parse_fleet_run_csv",
           "map_fleet_run_status", "DEFAULT_FLEET_RUN_STATUS_MAPPING", "VesselOverride"]
