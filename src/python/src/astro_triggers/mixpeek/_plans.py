"""Mixpeek's operations as plans (internal), shared by the sync and async clients."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._core import guard
from .._core.errors.client_errors import InvalidArgumentError
from .._core.http.call_settings import Answer
from .._core.list_reading import read_items
from .._core.options import RequestOptions
from .._core.paging.offset_paging import OffsetPager, OffsetSlice
from .._core.paging.page import Page
from .._core.plan import Plan, read_model
from .._core.runs.run_status import RunStatus
from .._core.runs.wire_run_id import wire_run_id
from .._core.service_core import ClientCore
from .._generated import mixpeek as wire
from ._rules import check_cron_expression, check_namespace, check_time_zone
from ._status import map_task_status
from .options import MixpeekRequestOptions

OPS = wire.OPERATIONS
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000


def _body(value: Any, name: str) -> dict[str, Any]:
    if isinstance(value, Mapping):
        return dict(value)
    if callable(getattr(value, "to_json", None)):
        result = value.to_json()
        if isinstance(result, dict):
            return result
    raise InvalidArgumentError(name, f"'{name}' is required.")


class MixpeekPlans:
    """Builds Mixpeek's plans for one client (internal)."""

    def __init__(self, core: ClientCore, namespace: str | None, minimum_interval_seconds: int) -> None:
        self.core = core
        self.namespace = namespace
        self.minimum_interval_seconds = minimum_interval_seconds

    def ns(self, options: RequestOptions | None) -> dict[str, str | None]:
        """The ``X-Namespace`` header of one call: the call's own, else the client's; one is required."""
        own = options.namespace if isinstance(options, MixpeekRequestOptions) else None
        if own is not None:
            return {"X-Namespace": check_namespace(own, "request_options.namespace")}
        if self.namespace is None:
            raise InvalidArgumentError("namespace", "A namespace is required: set MixpeekClient(namespace=...) or "
                                                    "MixpeekRequestOptions(namespace=...).")
        return {"X-Namespace": check_namespace(self.namespace, "namespace")}

    def _trigger_answer(self, op: Any) -> Any:
        return lambda a: read_model(op, a, wire.Trigger.from_json, "a trigger")

    def create(self, trigger: wire.CreateTriggerRequest | Mapping[str, Any],
               options: RequestOptions | None) -> Plan[wire.Trigger]:
        """Creates a trigger (not idempotent)."""
        body = _body(trigger, "trigger")
        guard.not_blank(body.get("action_type"), "trigger.action_type")
        guard.not_blank(body.get("trigger_type"), "trigger.trigger_type")
        if not isinstance(body.get("action_config"), Mapping):
            raise InvalidArgumentError("trigger.action_config", "'trigger.action_config' is required (a mapping).")
        self._check_schedule(body["trigger_type"], body.get("schedule_config"), "trigger.schedule_config")
        if body.get("description") is not None:
            guard.no_control_characters(body["description"], "trigger.description")
        op = OPS["createTrigger"]
        return Plan(op, self.core.request(op, None, None, self.ns(options), body), self._trigger_answer(op))

    def _check_schedule(self, kind: Any, config: Any, name: str) -> None:
        if not isinstance(config, Mapping):
            raise InvalidArgumentError(name, f"'{name}' is required (a mapping).")
        if kind == "interval":
            seconds = config.get("interval_seconds")
            if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < self.minimum_interval_seconds:
                raise InvalidArgumentError(f"{name}.interval_seconds", f"'{name}.interval_seconds' must be whole seconds, at least {self.minimum_interval_seconds}.")
        if kind == "cron":
            check_cron_expression(config.get("cron_expression"), f"{name}.cron_expression")
            check_time_zone(config.get("timezone"), f"{name}.timezone")

    def trigger_call(self, operation_id: str, trigger_id: str, options: RequestOptions | None) -> Plan[wire.Trigger]:
        """get / pause / resume."""
        guard.path_segment(trigger_id, "trigger_id")
        op = OPS[operation_id]
        return Plan(op, self.core.request(op, {"trigger_id": trigger_id}, None, self.ns(options)),
                    self._trigger_answer(op))

    def update(self, trigger_id: str, update: wire.UpdateTriggerRequest | Mapping[str, Any],
               options: RequestOptions | None) -> Plan[wire.Trigger]:
        """Updates what ``update`` sets; an update that sets nothing is refused before sending."""
        guard.path_segment(trigger_id, "trigger_id")
        body = {k: v for k, v in _body(update, "update").items() if v is not None}
        if not body:
            raise InvalidArgumentError("update", "'update' sets nothing: set schedule_config, description or status.")
        if body.get("description") is not None:
            guard.no_control_characters(body["description"], "update.description")
        op = OPS["updateTrigger"]
        return Plan(op, self.core.request(op, {"trigger_id": trigger_id}, None, self.ns(options), body),
                    self._trigger_answer(op))

    def delete(self, trigger_id: str, options: RequestOptions | None) -> Plan[None]:
        """Deletes a trigger."""
        guard.path_segment(trigger_id, "trigger_id")
        op = OPS["deleteTrigger"]
        return Plan(op, self.core.request(op, {"trigger_id": trigger_id}, None, self.ns(options)), lambda a: None)

    def trigger_pager(self, filters: Mapping[str, Any], page_size: int | None,
                      start_offset: int) -> OffsetPager[wire.Trigger]:
        """Checks a trigger list's arguments and makes its pager."""
        for key in ("action_type", "trigger_type", "resource_id", "sort_by"):
            if filters.get(key) is not None:
                guard.not_blank(filters[key], key)
        op = OPS["listTriggers"]
        return OffsetPager(start_offset=start_offset, page_size=page_size, default_page_size=DEFAULT_PAGE_SIZE,
                           max_page_size=MAX_PAGE_SIZE, argument="filter", service=op.service,
                           operation_id=op.operation_id, key=lambda t: t.trigger_id)

    def list_triggers(self, pager: OffsetPager[wire.Trigger], filters: Mapping[str, Any], token: str | None,
                      size: int | None, options: RequestOptions | None) -> Plan[Page[wire.Trigger]]:
        """One offset page of triggers (filters, offset and limit in the JSON body)."""
        offset, limit = pager.request(token, size)
        op = OPS["listTriggers"]
        body = {k: v for k, v in {**filters, "offset": offset, "limit": limit}.items() if v is not None}

        def parse(answer: Answer) -> Page[wire.Trigger]:
            items, data = read_items(op, answer, "results", wire.Trigger.from_json, "a page of triggers")
            return pager.page(OffsetSlice(items, data.get("total"), data.get("offset"), data.get("limit")), offset, limit)
        return Plan(op, self.core.request(op, None, None, self.ns(options), body), parse)

    def execute(self, trigger_id: str, options: RequestOptions | None) -> Plan[wire.TriggerTask]:
        """Runs a trigger now (not idempotent): the task it started."""
        guard.path_segment(trigger_id, "trigger_id")
        op = OPS["executeTrigger"]

        def parse(answer: Answer) -> wire.TriggerTask:
            from .._core.plan import read_json
            data = read_json(op, answer)
            wire_run_id(data.get("task_id") if isinstance(data, dict) else None, op, answer.status, "task_id")
            return read_model(op, answer, wire.TriggerTask.from_json, "a task")
        return Plan(op, self.core.request(op, {"trigger_id": trigger_id}, None, self.ns(options)), parse)

    def get_task(self, task_id: str, options: RequestOptions | None) -> Plan[wire.TriggerTask]:
        """Reads a task."""
        guard.path_segment(task_id, "task_id")
        op = OPS["getTask"]
        return Plan(op, self.core.request(op, {"task_id": task_id}, None, self.ns(options)),
                    lambda a: read_model(op, a, wire.TriggerTask.from_json, "a task"))

    def cancel_task(self, task_id: str, options: RequestOptions | None) -> Plan[None]:
        """Kills a task (idempotent)."""
        guard.path_segment(task_id, "task_id")
        op = OPS["cancelTask"]
        return Plan(op, self.core.request(op, {"task_id": task_id}, None, self.ns(options)), lambda a: None)

    def history_pager(self, trigger_id: str, page_size: int | None, start_offset: int,
                      options: RequestOptions | None) -> OffsetPager[wire.TriggerExecution]:
        """Checks a history list's arguments and makes its pager."""
        guard.path_segment(trigger_id, "trigger_id")
        self.ns(options)
        op = OPS["getTriggerHistory"]
        return OffsetPager(start_offset=start_offset, page_size=page_size, default_page_size=DEFAULT_PAGE_SIZE,
                           max_page_size=MAX_PAGE_SIZE, argument="filter", service=op.service,
                           operation_id=op.operation_id, key=lambda e: e.task_id)

    def history(self, pager: OffsetPager[wire.TriggerExecution], trigger_id: str, token: str | None, size: int | None,
                options: RequestOptions | None) -> Plan[Page[wire.TriggerExecution]]:
        """One offset page of a trigger's history."""
        offset, limit = pager.request(token, size)
        op = OPS["getTriggerHistory"]

        def parse(answer: Answer) -> Page[wire.TriggerExecution]:
            items, data = read_items(op, answer, "executions", wire.TriggerExecution.from_json, "a trigger history")
            return pager.page(OffsetSlice(items, data.get("total"), data.get("offset"), data.get("limit")), offset, limit)
        return Plan(op, self.core.request(op, {"trigger_id": trigger_id}, {"offset": offset, "limit": limit},
                                          self.ns(options)), parse)


def snapshot(task: wire.TriggerTask | None) -> tuple[RunStatus, str | None, str | None]:
    """A task's common status, raw status and error text."""
    if task is None:
        return "unknown", None, None
    status = task.status if isinstance(task.status, str) else None
    return map_task_status(status), status, task.error
