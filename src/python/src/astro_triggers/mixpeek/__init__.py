"""(being written)"""
from ._status import map_task_status
