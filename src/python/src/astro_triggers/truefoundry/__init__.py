"""(being written)"""
from ._status import map_job_run_status
