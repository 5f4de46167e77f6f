from __future__ import annotations

from .._core.http.clock import system_clock
from .._core.runs import detached_run
from .._generated.mixpeek import TriggerTask
from ._plans import snapshot
from .executions import AsyncTriggerExecutionRun, TriggerExecutionRun

_FACTORY = "MixpeekModelFactory"


class MixpeekModelFactory:
    """Builds Mixpeek results for your own unit tests (as C#'s and TypeScript's ``MixpeekModelFactory``). Models are
    dataclasses you build directly; this covers the run handle."""

    @staticmethod
    def trigger_execution_run(task: TriggerTask) -> TriggerExecutionRun:
        """A run handle over ``task`` in its state, without a client (``id`` is its ``task_id``). For a completed,
        failed or cancelled task ``wait_for_completion()`` returns at once (failed and cancelled raise, as from a
        client, unless ``raise_on_failure=False``); for any other state, and for ``cancel()``, it raises
        UnsupportedOperationError: no client is behind it. Raises InvalidArgumentError when the task id is blank."""
        run_id = detached_run.run_id(getattr(task, "task_id", None), "task.task_id")
        return TriggerExecutionRun("Mixpeek", run_id, task, snapshot=snapshot, clock=system_clock,
                                   read=detached_run.read("Mixpeek", _FACTORY, run_id, task, snapshot),
                                   cancel=detached_run.cancel("Mixpeek", _FACTORY, run_id))

    @staticmethod
    def async_trigger_execution_run(task: TriggerTask) -> AsyncTriggerExecutionRun:
        """The async twin of :meth:`trigger_execution_run`."""
        run_id = detached_run.run_id(getattr(task, "task_id", None), "task.task_id")
        return AsyncTriggerExecutionRun("Mixpeek", run_id, task, snapshot=snapshot, clock=system_clock,
                                        read=detached_run.read_async("Mixpeek", _FACTORY, run_id, task, snapshot),
                                        cancel=detached_run.cancel_async("Mixpeek", _FACTORY, run_id))
