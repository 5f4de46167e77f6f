from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._core import guard
from .._core.options import RequestOptions
from .._core.paging.page import Page
from .._core.paging.pageable import AsyncPageable, Pageable
from .._core.runs.resume_token import try_encode_resume_token, with_resume_token
from .._core.runs.run_list_reader import with_list_reading
from .._core.runs.triggered_run import AsyncTriggeredRun, TriggeredRun
from .._core.runs.wire_run_id import wire_run_id
from .._core.service_core import AsyncTransport, SyncTransport
from .._generated.agentset import CreateIngestJobRequest, IngestJob
from ._list_reading import job_list_spec
from ._plans import OPS, AgentsetPlans, cannot_cancel, snapshot
from .options import AgentsetRequestOptions


class IngestJobRun(TriggeredRun["IngestJob | None"]):
    """An ingest job followed to the end (``ingest_jobs.start`` or ``ingest_jobs.track``); ``value`` is the
    :class:`IngestJob` as last read (None for a handle made from an id until its first read). ``cancel()`` raises
    UnsupportedOperationError: Agentset has no operation that stops a job (``ingest_jobs.delete`` removes it)."""


class AsyncIngestJobRun(AsyncTriggeredRun["IngestJob | None"]):
    """The async :class:`IngestJobRun`."""


def _job_id(job: IngestJob | str) -> str:
    if isinstance(job, str):
        return guard.prefixed_id(job, "job_", "job_id")
    return guard.prefixed_id(getattr(job, "id", None), "job_", "job.id")


class IngestJobsClient:
    """Agentset ingest jobs under ``/v1/namespace/{namespaceId}/ingest-jobs``: list (cursor pages), create, start
    (create + a run handle), track, get, delete, re-ingest. Every call checks the namespace (``ns_…``), tenant and job
    id (``job_…``) before sending."""

    def __init__(self, transport: SyncTransport, plans: AgentsetPlans) -> None:
        """Built by :class:`AgentsetClient`."""
        self._transport = transport
        self._plans = plans

    def list(self, *, statuses: Sequence[str] | None = None, order: str | None = None, direction: str | None = None,
             page_size: int | None = None, start_cursor: str | None = None,
             request_options: RequestOptions | None = None) -> Pageable[IngestJob]:
        """The namespace's ingest jobs, newest first by default, one cursor page at a time: ``for job in ...``, or
        ``.by_page(continuation_token=..., page_size=...)`` for pages whose tokens can be saved and resumed.

        Args:
            statuses: Only jobs in these statuses (sent comma-separated).
            order: ``"asc"`` or ``"desc"`` by creation (service default ``desc``).
            direction: Page via ``nextCursor`` (``"forward"``, default) or ``prevCursor`` (``"backward"``).
            page_size: Jobs per page, 1–100 (service default 30).
            start_cursor: A cursor saved from an earlier page to start from.
            request_options: Per-call options (namespace, tenant, timeout, retry) for every page.

        Raises:
            InvalidArgumentError before sending; the call's errors and PagingError while iterating.
        """
        self._plans.check_list(request_options, page_size, direction)
        plans, transport = self._plans, self._transport

        def fetch(cursor: str | None, size: int | None) -> Page[IngestJob]:
            return transport.call(plans.list_page(request_options, statuses, order, direction, cursor, size),
                                  request_options)
        return Pageable(fetch, start_cursor, page_size, "Agentset", OPS["listIngestJobs"].operation_id)

    def create(self, job: CreateIngestJobRequest | Mapping[str, Any], *,
               request_options: RequestOptions | None = None) -> IngestJob:
        """Creates an ingest job (``POST …/ingest-jobs``, 201). Not idempotent: retried only when Agentset certainly
        did not act (connection never established, 429, 503 with Retry-After); set ``external_id`` to recognise a job
        you created. Raises InvalidArgumentError, ServiceRequestError subclasses (``may_have_been_processed`` on 5xx),
        TransportError (ServiceTimeoutError among them)."""
        return self._transport.call(self._plans.create(job, request_options), request_options)

    def start(self, job: CreateIngestJobRequest | Mapping[str, Any], *,
              request_options: RequestOptions | None = None) -> IngestJobRun:
        """Creates a job and returns its run handle (``wait_for_completion``). Same rules and errors as
        :meth:`create`."""
        created = self.create(job, request_options=request_options)
        wire_run_id(created.id, OPS["createIngestJob"], 201, "data.id", "job_")
        return self.track(created, request_options=request_options)

    def track(self, job: IngestJob | str, *, request_options: RequestOptions | None = None) -> IngestJobRun:
        """A run handle for a job or a job id (``job_…``), e.g. one saved earlier; nothing is sent until it is read.
        Raises InvalidArgumentError for an id without the ``job_`` prefix."""
        job_id = _job_id(job)
        run = IngestJobRun("Agentset", job_id, None if isinstance(job, str) else job,
                           read=lambda: self.get(job_id, request_options=request_options), snapshot=snapshot,
                           clock=self._transport.core.clock, cannot_cancel=cannot_cancel(job_id))
        with_resume_token(run, lambda: _resume_token(self._plans, job_id, request_options))
        return with_list_reading(run, job_list_spec(self, self._plans, request_options))

    def get(self, job_id: str, *, request_options: RequestOptions | None = None) -> IngestJob:
        """Gets one job (``GET …/ingest-jobs/{jobId}``). Raises InvalidArgumentError, NotFoundError, …"""
        return self._transport.call(self._plans.get(job_id, request_options), request_options)

    def delete(self, job_id: str, *, request_options: RequestOptions | None = None) -> IngestJob | None:
        """Queues a job for deletion; Agentset answers 200 with the job (returned) or 204 (None). Retried like a
        read."""
        return self._transport.call(self._plans.delete(job_id, request_options), request_options)

    def re_ingest(self, job_id: str, *, request_options: RequestOptions | None = None) -> str:
        """Queues a finished job to be processed again; returns its id. Not idempotent (same retry rule as create)."""
        return self._transport.call(self._plans.re_ingest(job_id, request_options), request_options)


class AsyncIngestJobsClient:
    """The async :class:`IngestJobsClient`: the same operations, awaited; lists are ``async for``."""

    def __init__(self, transport: AsyncTransport, plans: AgentsetPlans) -> None:
        """Built by :class:`AsyncAgentsetClient`."""
        self._transport = transport
        self._plans = plans

    def list(self, *, statuses: Sequence[str] | None = None, order: str | None = None, direction: str | None = None,
             page_size: int | None = None, start_cursor: str | None = None,
             request_options: RequestOptions | None = None) -> AsyncPageable[IngestJob]:
        """See :meth:`IngestJobsClient.list`; iterate with ``async for``."""
        self._plans.check_list(request_options, page_size, direction)
        plans, transport = self._plans, self._transport

        async def fetch(cursor: str | None, size: int | None) -> Page[IngestJob]:
            return await transport.call(plans.list_page(request_options, statuses, order, direction, cursor, size),
                                        request_options)
        return AsyncPageable(fetch, start_cursor, page_size, "Agentset", OPS["listIngestJobs"].operation_id)

    async def create(self, job: CreateIngestJobRequest | Mapping[str, Any], *,
                     request_options: RequestOptions | None = None) -> IngestJob:
        """See :meth:`IngestJobsClient.create`."""
        return await self._transport.call(self._plans.create(job, request_options), request_options)

    async def start(self, job: CreateIngestJobRequest | Mapping[str, Any], *,
                    request_options: RequestOptions | None = None) -> AsyncIngestJobRun:
        """See :meth:`IngestJobsClient.start`."""
        created = await self.create(job, request_options=request_options)
        wire_run_id(created.id, OPS["createIngestJob"], 201, "data.id", "job_")
        return self.track(created, request_options=request_options)

    def track(self, job: IngestJob | str, *, request_options: RequestOptions | None = None) -> AsyncIngestJobRun:
        """See :meth:`IngestJobsClient.track`."""
        job_id = _job_id(job)

        async def read() -> IngestJob | None:
            return await self.get(job_id, request_options=request_options)
        run = AsyncIngestJobRun("Agentset", job_id, None if isinstance(job, str) else job, read=read,
                                snapshot=snapshot, clock=self._transport.core.clock,
                                cannot_cancel=cannot_cancel(job_id))
        with_resume_token(run, lambda: _resume_token(self._plans, job_id, request_options))
        return with_list_reading(run, job_list_spec(self, self._plans, request_options))

    async def get(self, job_id: str, *, request_options: RequestOptions | None = None) -> IngestJob:
        """See :meth:`IngestJobsClient.get`."""
        return await self._transport.call(self._plans.get(job_id, request_options), request_options)

    async def delete(self, job_id: str, *, request_options: RequestOptions | None = None) -> IngestJob | None:
        """See :meth:`IngestJobsClient.delete`."""
        return await self._transport.call(self._plans.delete(job_id, request_options), request_options)

    async def re_ingest(self, job_id: str, *, request_options: RequestOptions | None = None) -> str:
        """See :meth:`IngestJobsClient.re_ingest`."""
        return await self._transport.call(self._plans.re_ingest(job_id, request_options), request_options)


def _resume_token(plans: AgentsetPlans, job_id: str, options: RequestOptions | None) -> str | None:
    # The namespace and tenant the run's status reads use: the per-call ones, else the client's.
    own = options if isinstance(options, AgentsetRequestOptions) else None
    ns = own.namespace_id if own is not None and own.namespace_id is not None else plans.scope.namespace_id
    tenant = own.tenant_id if own is not None and own.tenant_id is not None else plans.scope.tenant_id
    return try_encode_resume_token("agentset", ns=ns, run=job_id, tenant=tenant)
