"""A run group reads Agentset jobs through the namespace's job list, newest first, 100 a page (internal)."""
from __future__ import annotations

from typing import Any

from .._core.options import RequestOptions
from .._core.runs.run_list_reader import LIST_PAGE_SIZE, RunListSpec, epoch_seconds, observe_from_list
from ._plans import AgentsetPlans
from .options import AgentsetRequestOptions


def job_list_spec(client: Any, plans: AgentsetPlans, options: RequestOptions | None) -> RunListSpec:
    """``client`` is the (sync or async) ingest-jobs client; scope: the namespace and tenant the job is read under."""
    own = options if isinstance(options, AgentsetRequestOptions) else None
    ns = own.namespace_id if own is not None and own.namespace_id is not None else plans.scope.namespace_id
    tenant = own.tenant_id if own is not None and own.tenant_id is not None else plans.scope.tenant_id
    return RunListSpec(
        owner=client, scope=(ns, tenant),
        list=lambda: client.list(order="desc", page_size=LIST_PAGE_SIZE, request_options=options),
        id_of=lambda job: job.id, apply=observe_from_list,
        created_at=(lambda job: epoch_seconds(job.created_at),
                    lambda value: None if value is None else epoch_seconds(value.created_at)))
