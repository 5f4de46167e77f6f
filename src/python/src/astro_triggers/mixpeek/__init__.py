"""Mixpeek: triggers (create, list, get, update, pause, resume, delete) and executions (start, get, cancel, track,
list)."""
from .._generated.mixpeek import (
    CreateTriggerRequest, MixpeekTaskStatus, Trigger, TriggerExecution, TriggerStatus, TriggerTask, UpdateTriggerRequest,
)
from ._status import map_task_status
from .client import AsyncMixpeekClient, MixpeekClient
from .executions import AsyncExecutionsClient, AsyncTriggerExecutionRun, ExecutionsClient, TriggerExecutionRun
from .options import MixpeekRequestOptions
from .triggers import AsyncTriggersClient, TriggersClient
from .model_factory import MixpeekModelFactory

__all__ = ["MixpeekModelFactory", "MixpeekClient", "AsyncMixpeekClient", "TriggersClient", "AsyncTriggersClient", "ExecutionsClient",
           "AsyncExecutionsClient", "TriggerExecutionRun", "AsyncTriggerExecutionRun", "MixpeekRequestOptions",
           "map_task_status", "Trigger", "CreateTriggerRequest", "UpdateTriggerRequest", "TriggerExecution",
           "TriggerTask", "TriggerStatus", "MixpeekTaskStatus"]
