"""(being written)"""
from ._status import map_fleet_run_status
from ._csv import parse_fleet_run_csv
