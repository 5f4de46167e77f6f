"""A run group reads Mixpeek executions through their trigger's execution history, 100 a page (internal)."""
from __future__ import annotations

from typing import Any

from .._core.options import RequestOptions
from .._core.runs.run_list_reader import LIST_PAGE_SIZE, RunListSpec
from ._plans import MixpeekPlans
from .options import MixpeekRequestOptions


def _word(value: Any) -> str | None:
    value = getattr(value, "value", value)
    return None if value is None else str(value).lower()


def history_list_spec(client: Any, plans: MixpeekPlans, trigger_id: str, options: RequestOptions | None) -> RunListSpec:
    """``client`` is the (sync or async) executions client; scope: the trigger and namespace. A history row names the
    task's status but not the task, so a row whose status differs from the run's last one sends the run to a read of
    its own; an unchanged row counts as read."""
    own = options.namespace if isinstance(options, MixpeekRequestOptions) else None
    return RunListSpec(
        owner=client, scope=(trigger_id, own if own is not None else plans.namespace),
        list=lambda: client.list(trigger_id, page_size=LIST_PAGE_SIZE, request_options=options),
        id_of=lambda execution: execution.task_id,
        apply=lambda run, execution: _word(execution.status) == _word(run.raw_status))
