from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._core import guard
from .._core.errors.client_errors import UnsupportedOperationError
from .._core.options import RequestOptions
from .._core.paging.page import Page
from .._core.paging.pageable import AsyncPageable, Pageable
from .._core.runs.resume_token import try_encode_resume_token, with_resume_token
from .._core.runs.triggered_run import AsyncTriggeredRun, TriggeredRun
from .._core.service_core import AsyncTransport, SyncTransport
from .._generated.truefoundry import JobRun, JobRunTermination, TriggerJobRequest
from .._core.runs.run_list_reader import with_list_reading
from ._list_reading import run_list_spec
from ._plans import OPS, TrueFoundryPlans, snapshot


def _by_deployment(name: str) -> UnsupportedOperationError:
    return UnsupportedOperationError(
        f"Run '{name}' was started by deployment id, and TrueFoundry reads run status under the job's application id: "
        f"call job_runs.track(application_id, '{name}') to follow it.", service="TrueFoundry")


def _no_deployment(name: str) -> UnsupportedOperationError:
    return UnsupportedOperationError(
        f"TrueFoundry terminates a run by deployment id and run name, and run '{name}' does not say its deployment: "
        f"call job_runs.cancel(deployment_id, '{name}').", service="TrueFoundry")


class TrueFoundryJobRun(TriggeredRun[JobRun]):
    """A TrueFoundry job run (``job_runs.start`` or ``job_runs.track``); ``id`` is the run name, ``value`` the
    :class:`JobRun` as last read. ``cancel()`` terminates it (by its deployment id, read from the run when not known).

    Attributes:
        application_id: The job's application id (where status is read); None for a run started by deployment id.
        message: The start's message, when it gave one.
    """

    application_id: str | None = None
    message: str | None = None


class AsyncTrueFoundryJobRun(AsyncTriggeredRun[JobRun]):
    """The async :class:`TrueFoundryJobRun`."""

    application_id: str | None = None
    message: str | None = None


class JobRunsClient:
    """TrueFoundry job runs under ``/api/svc/v1/jobs``: start, track, get, list (offset pages), cancel (terminate),
    delete."""

    def __init__(self, transport: SyncTransport, plans: TrueFoundryPlans) -> None:
        """Built by :class:`TrueFoundryClient`."""
        self._t = transport
        self._plans = plans

    def start(self, request: TriggerJobRequest | Mapping[str, Any], *,
              request_options: RequestOptions | None = None) -> TrueFoundryJobRun:
        """Starts a run (``POST /api/svc/v1/jobs/trigger``). Not idempotent: retried only when TrueFoundry certainly
        did not act. Returns the run handle (status read under ``application_id``). Raises InvalidArgumentError (not
        exactly one of deployment_id/application_id; command and Spark input together) and the call's errors."""
        run, message = self._t.call(self._plans.start(request), request_options)
        return self._handle(run, run.application_id if _by_app(request) else None, message, request_options)

    def track(self, application_id: str, job_run_name: str, *,
              request_options: RequestOptions | None = None) -> TrueFoundryJobRun:
        """Follows a run known by name (rehydration); nothing is sent until it is read (``cancel()`` reads the run
        once to learn its deployment, as C#'s Track does). Raises InvalidArgumentError for a blank id or a
        ``.``/``..`` segment."""
        guard.path_segment(application_id, "application_id")
        guard.path_segment(job_run_name, "job_run_name")
        run = JobRun(name=job_run_name, application_id=application_id)
        return self._handle(run, application_id, None, request_options)

    def get(self, application_id: str, job_run_name: str, *,
            request_options: RequestOptions | None = None) -> JobRun:
        """One run (``GET /api/svc/v1/jobs/{applicationId}/runs/{jobRunName}``, segments escaped)."""
        return self._t.call(self._plans.get(application_id, job_run_name), request_options)

    def list(self, application_id: str, *, statuses: Sequence[str] | None = None,
             triggered_by: Sequence[str] | None = None, search_prefix: str | None = None, sort_by: str | None = None,
             order: str | None = None, version_numbers: Sequence[int] | None = None, page_size: int | None = None,
             start_offset: int = 0, request_options: RequestOptions | None = None) -> Pageable[JobRun]:
        """The runs of a job by offset pages (page size 1–1000, service default 10; the token is the next offset).
        Filters are sent as repeated keys. Raises InvalidArgumentError before sending; the call's errors and
        PagingError while iterating."""
        pager = self._plans.pager(application_id, triggered_by, page_size, start_offset, version_numbers)
        plans, t = self._plans, self._t

        def fetch(token: str | None, size: int | None) -> Page[JobRun]:
            return t.call(plans.list_page(pager, application_id, token, size, statuses, triggered_by, search_prefix,
                                          sort_by, order, version_numbers), request_options)
        return Pageable(fetch, pager.initial_token, page_size, "TrueFoundry", OPS["listJobRuns"].operation_id)

    def cancel(self, deployment_id: str, job_run_name: str, *,
               request_options: RequestOptions | None = None) -> JobRunTermination:
        """Asks a run to stop (terminate); safe to repeat. Raises UnexpectedStatusError 417 for a finished run."""
        return self._t.call(self._plans.cancel(deployment_id, job_run_name), request_options)

    def delete(self, application_id: str, job_run_name: str, *, request_options: RequestOptions | None = None) -> None:
        """Deletes a run's record (200 or 204)."""
        self._t.call(self._plans.delete(application_id, job_run_name), request_options)

    def _resumed(self, application_id: str, job_run_name: str, deployment_id: str | None,
                 options: RequestOptions | None) -> TrueFoundryJobRun:
        """A run resumed from a token: as :meth:`track`, keeping the deployment id it names (internal)."""
        guard.path_segment(application_id, "application_id")
        guard.path_segment(job_run_name, "job_run_name")
        return self._handle(JobRun(name=job_run_name, application_id=application_id, deployment_id=deployment_id),
                            application_id, None, options)

    def _handle(self, run: JobRun, application_id: str | None, message: str | None,
                options: RequestOptions | None) -> TrueFoundryJobRun:
        def read() -> JobRun:
            if application_id is None:
                raise _by_deployment(run.name)
            return self.get(application_id, run.name, request_options=options)

        def cancel(value: JobRun) -> None:
            deployment = value.deployment_id
            if not deployment and application_id is not None:
                deployment = read().deployment_id
            if not deployment:
                raise _no_deployment(run.name)
            self.cancel(deployment, run.name, request_options=options)
        handle = TrueFoundryJobRun("TrueFoundry", run.name, run, read=read, snapshot=snapshot,
                                   clock=self._t.core.clock, cancel=cancel, can_read=application_id is not None)
        handle.application_id = application_id
        handle.message = message
        with_resume_token(handle, lambda: _resume_token(handle))
        return handle if application_id is None else with_list_reading(handle, run_list_spec(self, application_id, options))


def _by_app(request: Any) -> bool:
    value = request.get("applicationId") if isinstance(request, Mapping) else getattr(request, "application_id", None)
    return isinstance(value, str) and value.strip() != ""


class AsyncJobRunsClient:
    """The async :class:`JobRunsClient`."""

    def __init__(self, transport: AsyncTransport, plans: TrueFoundryPlans) -> None:
        """Built by :class:`AsyncTrueFoundryClient`."""
        self._t = transport
        self._plans = plans

    async def start(self, request: TriggerJobRequest | Mapping[str, Any], *,
                    request_options: RequestOptions | None = None) -> AsyncTrueFoundryJobRun:
        """See :meth:`JobRunsClient.start`."""
        run, message = await self._t.call(self._plans.start(request), request_options)
        return self._handle(run, run.application_id if _by_app(request) else None, message, request_options)

    def track(self, application_id: str, job_run_name: str, *,
              request_options: RequestOptions | None = None) -> AsyncTrueFoundryJobRun:
        """See :meth:`JobRunsClient.track`."""
        guard.path_segment(application_id, "application_id")
        guard.path_segment(job_run_name, "job_run_name")
        run = JobRun(name=job_run_name, application_id=application_id)
        return self._handle(run, application_id, None, request_options)

    async def get(self, application_id: str, job_run_name: str, *,
                  request_options: RequestOptions | None = None) -> JobRun:
        """See :meth:`JobRunsClient.get`."""
        return await self._t.call(self._plans.get(application_id, job_run_name), request_options)

    def list(self, application_id: str, *, statuses: Sequence[str] | None = None,
             triggered_by: Sequence[str] | None = None, search_prefix: str | None = None, sort_by: str | None = None,
             order: str | None = None, version_numbers: Sequence[int] | None = None, page_size: int | None = None,
             start_offset: int = 0, request_options: RequestOptions | None = None) -> AsyncPageable[JobRun]:
        """See :meth:`JobRunsClient.list`; iterate with ``async for``."""
        pager = self._plans.pager(application_id, triggered_by, page_size, start_offset, version_numbers)
        plans, t = self._plans, self._t

        async def fetch(token: str | None, size: int | None) -> Page[JobRun]:
            return await t.call(plans.list_page(pager, application_id, token, size, statuses, triggered_by,
                                                search_prefix, sort_by, order, version_numbers), request_options)
        return AsyncPageable(fetch, pager.initial_token, page_size, "TrueFoundry", OPS["listJobRuns"].operation_id)

    async def cancel(self, deployment_id: str, job_run_name: str, *,
                     request_options: RequestOptions | None = None) -> JobRunTermination:
        """See :meth:`JobRunsClient.cancel`."""
        return await self._t.call(self._plans.cancel(deployment_id, job_run_name), request_options)

    async def delete(self, application_id: str, job_run_name: str, *,
                     request_options: RequestOptions | None = None) -> None:
        """See :meth:`JobRunsClient.delete`."""
        await self._t.call(self._plans.delete(application_id, job_run_name), request_options)

    def _resumed(self, application_id: str, job_run_name: str, deployment_id: str | None,
                 options: RequestOptions | None) -> AsyncTrueFoundryJobRun:
        """See :meth:`JobRunsClient._resumed` (internal)."""
        guard.path_segment(application_id, "application_id")
        guard.path_segment(job_run_name, "job_run_name")
        return self._handle(JobRun(name=job_run_name, application_id=application_id, deployment_id=deployment_id),
                            application_id, None, options)

    def _handle(self, run: JobRun, application_id: str | None, message: str | None,
                options: RequestOptions | None) -> AsyncTrueFoundryJobRun:
        async def read() -> JobRun:
            if application_id is None:
                raise _by_deployment(run.name)
            return await self.get(application_id, run.name, request_options=options)

        async def cancel(value: JobRun) -> None:
            deployment = value.deployment_id
            if not deployment and application_id is not None:
                deployment = (await read()).deployment_id
            if not deployment:
                raise _no_deployment(run.name)
            await self.cancel(deployment, run.name, request_options=options)
        handle = AsyncTrueFoundryJobRun("TrueFoundry", run.name, run, read=read, snapshot=snapshot,
                                        clock=self._t.core.clock, cancel=cancel, can_read=application_id is not None)
        handle.application_id = application_id
        handle.message = message
        with_resume_token(handle, lambda: _resume_token(handle))
        return handle if application_id is None else with_list_reading(handle, run_list_spec(self, application_id, options))


def _resume_token(handle: TrueFoundryJobRun | AsyncTrueFoundryJobRun) -> str | None:
    # A run started by deployment id has no application id to read its status under, so no token.
    if handle.application_id is None:
        return None
    return try_encode_resume_token("truefoundry", app=handle.application_id, run=handle.id,
                                   deployment=handle.value.deployment_id or None)
