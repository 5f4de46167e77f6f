"""A run group reads TrueFoundry job runs through the runs of their application, newest first, 100 a page (internal)."""
from __future__ import annotations

from typing import Any

from .._core.options import RequestOptions
from .._core.runs.run_list_reader import LIST_PAGE_SIZE, RunListSpec, epoch_seconds, observe_from_list


def run_list_spec(client: Any, application_id: str, options: RequestOptions | None) -> RunListSpec:
    """``client`` is the (sync or async) job-runs client; scope: the application."""
    def apply(run: Any, item: Any) -> bool:
        # The list's row may leave out what the trigger's answer named (the deployment id cancel() needs).
        if getattr(item, "deployment_id", None) is None:
            item.deployment_id = run.value.deployment_id
        if getattr(item, "application_id", None) is None:
            item.application_id = run.value.application_id
        return observe_from_list(run, item)
    return RunListSpec(
        owner=client, scope=application_id,
        list=lambda: client.list(application_id, sort_by="startTime", order="desc", page_size=LIST_PAGE_SIZE,
                                 request_options=options),
        id_of=lambda run: run.name, apply=apply,
        created_at=(lambda item: epoch_seconds(item.created_at), lambda value: epoch_seconds(value.created_at)))
