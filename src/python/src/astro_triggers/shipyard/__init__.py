"""Shipyard: fleet runs (start, track, get, list) from the fleet-runs CSV."""
from .._generated.shipyard import VesselOverride
# parse_fleet_run_csv stays internal (astro_triggers.shipyard._csv), as C#'s parser is: FleetRunsClient reads the CSV.
from ._csv import FleetRunRecord
from ._plans import FleetRunIdentity
from ._status import DEFAULT_FLEET_RUN_STATUS_MAPPING, map_fleet_run_status
from .client import AsyncShipyardClient, ShipyardClient
from .fleet_runs import AsyncFleetRunsClient, AsyncShipyardFleetRun, FleetRunsClient, ShipyardFleetRun
from .model_factory import ShipyardModelFactory

__all__ = ["ShipyardModelFactory", "ShipyardClient", "AsyncShipyardClient", "FleetRunsClient", "AsyncFleetRunsClient", "ShipyardFleetRun",
           "AsyncShipyardFleetRun", "FleetRunIdentity", "FleetRunRecord",
           "map_fleet_run_status", "DEFAULT_FLEET_RUN_STATUS_MAPPING", "VesselOverride"]
