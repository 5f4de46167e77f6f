from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core.options import RequestOptions
from .._core.paging.page import Page
from .._core.paging.pageable import AsyncPageable, Pageable
from .._core.service_core import AsyncTransport, SyncTransport
from .._generated.mixpeek import CreateTriggerRequest, Trigger, UpdateTriggerRequest
from ._plans import OPS, MixpeekPlans


def _filters(action_type: str | None, trigger_type: str | None, status: str | None, resource_id: str | None,
             sort_by: str | None, direction: str | None) -> dict[str, Any]:
    return {"action_type": action_type, "trigger_type": trigger_type, "status": status, "resource_id": resource_id,
            "sort_by": sort_by, "direction": direction}


class TriggersClient:
    """Mixpeek triggers under ``/v1/triggers``: create, list (offset pages in the JSON body), get, update, pause,
    resume, delete. Create is not idempotent; list, update, pause and resume are marked ``x-astro-idempotent``."""

    def __init__(self, transport: SyncTransport, plans: MixpeekPlans) -> None:
        """Built by :class:`MixpeekClient`."""
        self._t = transport
        self._plans = plans

    def create(self, trigger: CreateTriggerRequest | Mapping[str, Any], *,
               request_options: RequestOptions | None = None) -> Trigger:
        """Creates a trigger (``POST /v1/triggers``). Raises InvalidArgumentError (schedule rules: five-field cron,
        IANA zone, interval ≥ the minimum), UnprocessableEntityError with ``validation_issues``, …"""
        return self._t.call(self._plans.create(trigger, request_options), request_options)

    def list(self, *, action_type: str | None = None, trigger_type: str | None = None, status: str | None = None,
             resource_id: str | None = None, sort_by: str | None = None, direction: str | None = None,
             page_size: int | None = None, start_offset: int = 0,
             request_options: RequestOptions | None = None) -> Pageable[Trigger]:
        """The namespace's triggers by offset pages (1–1000 per page, service default 50)."""
        self._plans.ns(request_options)
        filters = _filters(action_type, trigger_type, status, resource_id, sort_by, direction)
        pager = self._plans.trigger_pager(filters, page_size, start_offset)

        def fetch(token: str | None, size: int | None) -> Page[Trigger]:
            return self._t.call(self._plans.list_triggers(pager, filters, token, size, request_options), request_options)
        return Pageable(fetch, pager.initial_token, page_size, "Mixpeek", OPS["listTriggers"].operation_id)

    def get(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> Trigger:
        """Gets one trigger."""
        return self._t.call(self._plans.trigger_call("getTrigger", trigger_id, request_options), request_options)

    def pause(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> Trigger:
        """Pauses a trigger (idempotent, retried)."""
        return self._t.call(self._plans.trigger_call("pauseTrigger", trigger_id, request_options), request_options)

    def resume(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> Trigger:
        """Resumes a paused trigger (idempotent, retried)."""
        return self._t.call(self._plans.trigger_call("resumeTrigger", trigger_id, request_options), request_options)

    def update(self, trigger_id: str, update: UpdateTriggerRequest | Mapping[str, Any], *,
               request_options: RequestOptions | None = None) -> Trigger:
        """Updates what ``update`` sets (``PATCH``); an update that sets nothing is refused before sending."""
        return self._t.call(self._plans.update(trigger_id, update, request_options), request_options)

    def delete(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> None:
        """Deletes a trigger (204)."""
        self._t.call(self._plans.delete(trigger_id, request_options), request_options)


class AsyncTriggersClient:
    """The async :class:`TriggersClient`."""

    def __init__(self, transport: AsyncTransport, plans: MixpeekPlans) -> None:
        """Built by :class:`AsyncMixpeekClient`."""
        self._t = transport
        self._plans = plans

    async def create(self, trigger: CreateTriggerRequest | Mapping[str, Any], *,
                     request_options: RequestOptions | None = None) -> Trigger:
        """See :meth:`TriggersClient.create`."""
        return await self._t.call(self._plans.create(trigger, request_options), request_options)

    def list(self, *, action_type: str | None = None, trigger_type: str | None = None, status: str | None = None,
             resource_id: str | None = None, sort_by: str | None = None, direction: str | None = None,
             page_size: int | None = None, start_offset: int = 0,
             request_options: RequestOptions | None = None) -> AsyncPageable[Trigger]:
        """See :meth:`TriggersClient.list`; iterate with ``async for``."""
        self._plans.ns(request_options)
        filters = _filters(action_type, trigger_type, status, resource_id, sort_by, direction)
        pager = self._plans.trigger_pager(filters, page_size, start_offset)

        async def fetch(token: str | None, size: int | None) -> Page[Trigger]:
            return await self._t.call(self._plans.list_triggers(pager, filters, token, size, request_options),
                                      request_options)
        return AsyncPageable(fetch, pager.initial_token, page_size, "Mixpeek", OPS["listTriggers"].operation_id)

    async def get(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> Trigger:
        """See :meth:`TriggersClient.get`."""
        return await self._t.call(self._plans.trigger_call("getTrigger", trigger_id, request_options), request_options)

    async def pause(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> Trigger:
        """See :meth:`TriggersClient.pause`."""
        return await self._t.call(self._plans.trigger_call("pauseTrigger", trigger_id, request_options),
                                  request_options)

    async def resume(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> Trigger:
        """See :meth:`TriggersClient.resume`."""
        return await self._t.call(self._plans.trigger_call("resumeTrigger", trigger_id, request_options),
                                  request_options)

    async def update(self, trigger_id: str, update: UpdateTriggerRequest | Mapping[str, Any], *,
                     request_options: RequestOptions | None = None) -> Trigger:
        """See :meth:`TriggersClient.update`."""
        return await self._t.call(self._plans.update(trigger_id, update, request_options), request_options)

    async def delete(self, trigger_id: str, *, request_options: RequestOptions | None = None) -> None:
        """See :meth:`TriggersClient.delete`."""
        await self._t.call(self._plans.delete(trigger_id, request_options), request_options)
