"""(being written)"""
from ._status import map_ingest_job_status
