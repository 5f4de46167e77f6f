from __future__ import annotations

from .._core.options import RequestOptions
from .._core.paging.page import Page
from .._core.paging.pageable import AsyncPageable, Pageable
from .._core.runs.resume_token import try_encode_resume_token, with_resume_token
from .._core.runs.triggered_run import AsyncTriggeredRun, TriggeredRun
from .._core.service_core import AsyncTransport, SyncTransport
from .._generated.mixpeek import TriggerExecution, TriggerTask
from .._core.runs.run_list_reader import with_list_reading
from ._list_reading import history_list_spec
from ._plans import OPS, MixpeekPlans, snapshot
from .options import MixpeekRequestOptions


class TriggerExecutionRun(TriggeredRun["TriggerTask | None"]):
    """A manual execution of a Mixpeek trigger (``executions.start`` or ``executions.track``), followed through its
    task (``GET /v1/tasks/{task_id}``); ``id`` is the task id. ``cancel()`` kills the task."""


class AsyncTriggerExecutionRun(AsyncTriggeredRun["TriggerTask | None"]):
    """The async :class:`TriggerExecutionRun`."""


class ExecutionsClient:
    """Mixpeek trigger executions: start one now, follow it as a run, cancel it, list a trigger's history."""

    def __init__(self, transport: SyncTransport, plans: MixpeekPlans) -> None:
        """Built by :class:`MixpeekClient`."""
        self._t = transport
        self._plans = plans

    def start(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> TriggerExecutionRun:
        """Runs the trigger's action now (``POST /v1/triggers/{trigger_id}/execute``) and returns the run. Not
        idempotent: an ambiguous failure is raised with ``may_have_been_processed`` and never repeated. Mixpeek refuses
        a paused trigger (400)."""
        task = self._t.call(self._plans.execute(trigger_id, request_options), request_options)
        return self._handle(task.task_id, task, request_options, trigger_id)

    def get(self, task_id: str, *, request_options: RequestOptions | None = None) -> TriggerTask:
        """Reads a task (``GET /v1/tasks/{task_id}``)."""
        return self._t.call(self._plans.get_task(task_id, request_options), request_options)

    def cancel(self, task_id: str, *, request_options: RequestOptions | None = None) -> None:
        """Kills a task that has not finished (``DELETE /v1/tasks/{task_id}``); safe to repeat."""
        self._t.call(self._plans.cancel_task(task_id, request_options), request_options)

    def track(self, task_id: str, *, request_options: RequestOptions | None = None) -> TriggerExecutionRun:
        """Follows a task by id (rehydration); nothing is sent until its status is read."""
        self._plans.get_task(task_id, request_options)
        return self._handle(task_id, None, request_options)

    def list(self, trigger_id: str, *, page_size: int | None = None, start_offset: int = 0,
             request_options: RequestOptions | None = None) -> Pageable[TriggerExecution]:
        """The trigger's past executions, newest first, by offset pages (1–1000 per page)."""
        pager = self._plans.history_pager(trigger_id, page_size, start_offset, request_options)

        def fetch(token: str | None, size: int | None) -> Page[TriggerExecution]:
            return self._t.call(self._plans.history(pager, trigger_id, token, size, request_options), request_options)
        return Pageable(fetch, pager.initial_token, page_size, "Mixpeek", OPS["getTriggerHistory"].operation_id)

    def _resumed(self, task_id: str, trigger_id: str | None, options: RequestOptions) -> TriggerExecutionRun:
        """A run resumed from a token keeps the trigger id it names (internal)."""
        self._plans.get_task(task_id, options)
        return self._handle(task_id, None, options, trigger_id)

    def _handle(self, task_id: str, task: TriggerTask | None, options: RequestOptions | None,
                trigger_id: str | None = None) -> TriggerExecutionRun:
        run = TriggerExecutionRun("Mixpeek", task_id, task, snapshot=snapshot, clock=self._t.core.clock,
                                  read=lambda: self.get(task_id, request_options=options),
                                  cancel=lambda _task: self.cancel(task_id, request_options=options))
        with_resume_token(run, lambda: _resume_token(self._plans, task_id, trigger_id, options))
        if trigger_id is None:
            return run
        return with_list_reading(run, history_list_spec(self, self._plans, trigger_id, options))


class AsyncExecutionsClient:
    """The async :class:`ExecutionsClient`."""

    def __init__(self, transport: AsyncTransport, plans: MixpeekPlans) -> None:
        """Built by :class:`AsyncMixpeekClient`."""
        self._t = transport
        self._plans = plans

    async def start(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> AsyncTriggerExecutionRun:
        """See :meth:`ExecutionsClient.start`."""
        task = await self._t.call(self._plans.execute(trigger_id, request_options), request_options)
        return self._handle(task.task_id, task, request_options, trigger_id)

    async def get(self, task_id: str, *, request_options: RequestOptions | None = None) -> TriggerTask:
        """See :meth:`ExecutionsClient.get`."""
        return await self._t.call(self._plans.get_task(task_id, request_options), request_options)

    async def cancel(self, task_id: str, *, request_options: RequestOptions | None = None) -> None:
        """See :meth:`ExecutionsClient.cancel`."""
        await self._t.call(self._plans.cancel_task(task_id, request_options), request_options)

    def track(self, task_id: str, *, request_options: RequestOptions | None = None) -> AsyncTriggerExecutionRun:
        """See :meth:`ExecutionsClient.track`."""
        self._plans.get_task(task_id, request_options)
        return self._handle(task_id, None, request_options)

    def list(self, trigger_id: str, *, page_size: int | None = None, start_offset: int = 0,
             request_options: RequestOptions | None = None) -> AsyncPageable[TriggerExecution]:
        """See :meth:`ExecutionsClient.list`; iterate with ``async for``."""
        pager = self._plans.history_pager(trigger_id, page_size, start_offset, request_options)

        async def fetch(token: str | None, size: int | None) -> Page[TriggerExecution]:
            return await self._t.call(self._plans.history(pager, trigger_id, token, size, request_options),
                                      request_options)
        return AsyncPageable(fetch, pager.initial_token, page_size, "Mixpeek", OPS["getTriggerHistory"].operation_id)

    def _resumed(self, task_id: str, trigger_id: str | None, options: RequestOptions) -> AsyncTriggerExecutionRun:
        """A run resumed from a token keeps the trigger id it names (internal)."""
        self._plans.get_task(task_id, options)
        return self._handle(task_id, None, options, trigger_id)

    def _handle(self, task_id: str, task: TriggerTask | None,
                options: RequestOptions | None, trigger_id: str | None = None) -> AsyncTriggerExecutionRun:
        async def read() -> TriggerTask | None:
            return await self.get(task_id, request_options=options)

        async def cancel(_task: TriggerTask | None) -> None:
            await self.cancel(task_id, request_options=options)
        run = AsyncTriggerExecutionRun("Mixpeek", task_id, task, snapshot=snapshot, clock=self._t.core.clock,
                                       read=read, cancel=cancel)
        with_resume_token(run, lambda: _resume_token(self._plans, task_id, trigger_id, options))
        if trigger_id is None:
            return run
        return with_list_reading(run, history_list_spec(self, self._plans, trigger_id, options))


def _resume_token(plans: MixpeekPlans, task_id: str, trigger_id: str | None, options: RequestOptions | None) -> str | None:
    own = options.namespace if isinstance(options, MixpeekRequestOptions) else None
    return try_encode_resume_token("mixpeek", ns=own if own is not None else plans.namespace, trigger=trigger_id,
                                   run=task_id)
