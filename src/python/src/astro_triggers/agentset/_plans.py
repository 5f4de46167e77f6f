"""Agentset's operations as plans (internal): argument checks, the request, how the answer is read. The sync and the
async clients both send these."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._core import guard
from .._core.errors.client_errors import InvalidArgumentError
from .._core.http.call_settings import Answer
from .._core.options import RequestOptions
from .._core.paging.page import Page
from .._core.plan import Plan, read_json, read_model, unreadable
from .._core.runs.run_status import RunStatus
from .._core.runs.wire_run_id import wire_run_id
from .._core.service_core import ClientCore
from .._generated import agentset as wire
from ._rules import check_create_body, check_tenant_id
from ._status import map_ingest_job_status
from .options import AgentsetRequestOptions

OPS = wire.OPERATIONS
_MAX_PAGE = 100


@dataclass(frozen=True)
class Scope:
    """The client's namespace and tenant."""

    namespace_id: str | None
    tenant_id: str | None


class AgentsetPlans:
    """Builds Agentset's plans for one client (internal)."""

    def __init__(self, core: ClientCore, scope: Scope) -> None:
        self.core = core
        self.scope = scope
        self._client_namespace: str | None = None
        # Shared by the calls that use the client's tenant; ClientCore.request copies it, never changes it.
        self._client_tenant: dict[str, str | None] | None = None

    def _namespace(self, options: RequestOptions | None) -> str:
        own = options.namespace_id if isinstance(options, AgentsetRequestOptions) else None
        if own is None and self._client_namespace is not None:
            return self._client_namespace
        ns = own if own is not None else self.scope.namespace_id
        if ns is None:
            raise InvalidArgumentError("namespace_id", "A namespace id is required: set AgentsetClient(namespace_id=...) "
                                                       "or AgentsetRequestOptions(namespace_id=...).")
        checked = guard.prefixed_id(ns, "ns_", "request_options.namespace_id" if own is not None else "namespace_id")
        if own is None:
            # The client's own namespace cannot change: checked once, not on every call.
            self._client_namespace = checked
        return checked

    def _tenant(self, options: RequestOptions | None) -> dict[str, str | None]:
        own = options.tenant_id if isinstance(options, AgentsetRequestOptions) else None
        if own is None:
            if self._client_tenant is None:
                self._client_tenant = {"x-tenant-id": check_tenant_id(self.scope.tenant_id, "tenant_id")}
            return self._client_tenant
        return {"x-tenant-id": check_tenant_id(own, "request_options.tenant_id")}

    def list_page(self, options: RequestOptions | None, statuses: Sequence[str] | None, order: str | None,
                  direction: str | None, cursor: str | None, page_size: int | None) -> Plan[Page[wire.IngestJob]]:
        """One cursor page of ingest jobs."""
        if page_size is not None:
            guard.in_range(page_size, 1, _MAX_PAGE, "page_size")
        op = OPS["listIngestJobs"]
        backward = direction == "backward"
        request = self.core.request(op, {"namespaceId": self._namespace(options)}, {
            "statuses": list(statuses) if statuses else None, "order": order, "cursor": cursor,
            "cursorDirection": direction if cursor is not None else None, "perPage": page_size,
        }, self._tenant(options))

        def parse(answer: Answer) -> Page[wire.IngestJob]:
            body = read_model(op, answer, wire.IngestJobListResponse.from_json, "a page of ingest jobs")
            p = body.pagination
            nxt = p.prev_cursor if backward else p.next_cursor
            prev = p.next_cursor if backward else p.prev_cursor
            return Page(tuple(body.data), nxt, prev, p.has_more is True)
        return Plan(op, request, parse)

    def check_list(self, options: RequestOptions | None, page_size: int | None, direction: str | None) -> None:
        """Checks a list's arguments before anything is sent."""
        self._namespace(options)
        self._tenant(options)
        if page_size is not None:
            guard.in_range(page_size, 1, _MAX_PAGE, "page_size")
        if direction is not None and direction not in ("forward", "backward"):
            raise InvalidArgumentError("direction", "'direction' must be 'forward' or 'backward'.")

    def create(self, job: wire.CreateIngestJobRequest | Mapping[str, Any],
               options: RequestOptions | None) -> Plan[wire.IngestJob]:
        """Creates an ingest job (not idempotent)."""
        body = _wire_form(job)
        check_create_body(body, "job")
        if body.get("externalId") is not None:
            guard.no_control_characters(body["externalId"], "job.external_id")
        op = OPS["createIngestJob"]
        request = self.core.request(op, {"namespaceId": self._namespace(options)}, None, self._tenant(options), body)
        return Plan(op, request, lambda a: read_model(op, a, wire.IngestJobResponse.from_json, "an ingest job").data)

    def get(self, job_id: str, options: RequestOptions | None) -> Plan[wire.IngestJob]:
        """Gets one job."""
        jid = guard.prefixed_id(job_id, "job_", "job_id")
        op = OPS["getIngestJob"]
        request = self.core.request(op, {"namespaceId": self._namespace(options), "jobId": jid}, None,
                                    self._tenant(options))
        return Plan(op, request, lambda a: read_model(op, a, wire.IngestJobResponse.from_json, "an ingest job").data)

    def delete(self, job_id: str, options: RequestOptions | None) -> Plan[wire.IngestJob | None]:
        """Queues a job for deletion: 200 with the job, or 204."""
        jid = guard.prefixed_id(job_id, "job_", "job_id")
        op = OPS["deleteIngestJob"]
        request = self.core.request(op, {"namespaceId": self._namespace(options), "jobId": jid}, None,
                                    self._tenant(options))

        def parse(answer: Answer) -> wire.IngestJob | None:
            if answer.status == 204 or not answer.body.strip():
                return None
            return read_model(op, answer, wire.IngestJobResponse.from_json, "an ingest job").data
        return Plan(op, request, parse)

    def re_ingest(self, job_id: str, options: RequestOptions | None) -> Plan[str]:
        """Queues a finished job to be processed again; answers its id (not idempotent)."""
        jid = guard.prefixed_id(job_id, "job_", "job_id")
        op = OPS["reIngestJob"]
        request = self.core.request(op, {"namespaceId": self._namespace(options), "jobId": jid}, None,
                                    self._tenant(options))

        def parse(answer: Answer) -> str:
            data = read_json(op, answer)
            inner = data.get("data") if isinstance(data, dict) else None
            if not isinstance(inner, dict):
                raise unreadable(op, answer.status, "is not a re-ingest result", "$.data")
            return wire_run_id(inner.get("id"), op, answer.status, "data.id", "job_")
        return Plan(op, request, parse)


def _wire_form(job: Any) -> dict[str, Any]:
    if isinstance(job, Mapping):
        return dict(job)
    to_json = getattr(job, "to_json", None)
    if callable(to_json):
        result = to_json()
        if isinstance(result, dict):
            return result
    raise InvalidArgumentError("job", "'job' is required (a CreateIngestJobRequest or its JSON form).")


def snapshot(job: wire.IngestJob | None) -> tuple[RunStatus, str | None, str | None]:
    """A job's common status, raw status and error text."""
    if job is None:
        return "unknown", None, None
    status = job.status if isinstance(job.status, str) else None
    return map_ingest_job_status(status), status, job.error


def cannot_cancel(job_id: str) -> str:
    """What ``cancel()`` says for an Agentset run."""
    return (f"Agentset has no operation to stop an ingest job; job {job_id} goes on "
            "(ingest_jobs.delete(job_id) removes it).")
