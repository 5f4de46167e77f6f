"""TrueFoundry's operations as plans (internal), shared by the sync and async clients."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._core import guard
from .._core.errors.client_errors import InvalidArgumentError
from .._core.http.call_settings import Answer
from .._core.list_reading import read_items
from .._core.options import RequestOptions
from .._core.paging.offset_paging import OffsetPager, OffsetSlice
from .._core.paging.page import Page
from .._core.plan import Plan, read_json, read_model, unreadable
from .._core.runs.run_status import RunStatus
from .._core.runs.wire_run_id import wire_run_id
from .._core.service_core import ClientCore
from .._generated import truefoundry as wire
from ._status import map_job_run_status

OPS = wire.OPERATIONS


class TrueFoundryPlans:
    """Builds TrueFoundry's plans for one client (internal)."""

    def __init__(self, core: ClientCore) -> None:
        self.core = core

    def start(self, request: wire.TriggerJobRequest | Mapping[str, Any]) -> Plan[tuple[wire.JobRun, str | None]]:
        """Starts a run (not idempotent): the run (named by the answer) and the service's message."""
        body = _validate(request)
        op = OPS["triggerJob"]

        def parse(answer: Answer) -> tuple[wire.JobRun, str | None]:
            data = read_json(op, answer)
            if not isinstance(data, dict):
                raise unreadable(op, answer.status, "is not a trigger result")
            raw_inner = data.get("data")
            inner: dict[str, Any] | None = raw_inner if isinstance(raw_inner, dict) else None
            inner_name = inner.get("name") if inner else None
            name = wire_run_id(inner_name if isinstance(inner_name, str) and inner_name.strip() else
                               data.get("jobRunName"), op, answer.status, "data.name' or 'jobRunName")
            fields = dict(inner or {"status": "CREATED"})
            fields["name"] = name
            fields.setdefault("applicationId", body.get("applicationId"))
            fields.setdefault("deploymentId", body.get("deploymentId"))
            run = wire.JobRun.from_json({k: v for k, v in fields.items() if v is not None})
            message = data.get("message")
            return run, message if isinstance(message, str) else None
        return Plan(op, self.core.request(op, None, None, None, body), parse)

    def get(self, application_id: str, job_run_name: str) -> Plan[wire.JobRun]:
        """One run."""
        guard.path_segment(application_id, "application_id")
        guard.path_segment(job_run_name, "job_run_name")
        op = OPS["getJobRun"]
        request = self.core.request(op, {"jobId": application_id, "jobRunName": job_run_name})
        return Plan(op, request, lambda a: read_model(op, a, wire.JobRunEnvelope.from_json, "a job run").data)

    def pager(self, application_id: str, triggered_by: Sequence[str] | None, page_size: int | None,
              start_offset: int, version_numbers: Sequence[int] | None = None) -> OffsetPager[wire.JobRun]:
        """Checks a list's arguments and makes its pager."""
        guard.path_segment(application_id, "application_id")
        for subject in triggered_by or ():
            guard.not_blank(subject, "triggered_by")
        for version in version_numbers or ():
            guard.in_range(version, 0, 2**31 - 1, "version_numbers")
        op = OPS["listJobRuns"]
        return OffsetPager(start_offset=start_offset, page_size=page_size, default_page_size=10, max_page_size=1000,
                           argument="filter", service=op.service, operation_id=op.operation_id, key=lambda r: r.name)

    def list_page(self, pager: OffsetPager[wire.JobRun], application_id: str, token: str | None, size: int | None,
                  statuses: Sequence[str] | None, triggered_by: Sequence[str] | None, search_prefix: str | None,
                  sort_by: str | None, order: str | None,
                  version_numbers: Sequence[int] | None = None) -> Plan[Page[wire.JobRun]]:
        """One offset page of runs."""
        offset, limit = pager.request(token, size)
        op = OPS["listJobRuns"]
        request = self.core.request(op, {"jobId": application_id}, {
            "limit": limit, "offset": offset, "searchPrefix": search_prefix, "sortBy": sort_by, "order": order,
            "triggeredBy": list(triggered_by) if triggered_by else None,
            "status": list(statuses) if statuses else None,
            "versionNumbers": list(version_numbers) if version_numbers else None})

        def parse(answer: Answer) -> Page[wire.JobRun]:
            runs, data = read_items(op, answer, "data", wire.JobRun.from_json, "a page of job runs")
            raw = data.get("pagination")
            p: dict[str, Any] = raw if isinstance(raw, dict) else {}
            return pager.page(OffsetSlice(runs, p.get("total"), p.get("offset"), p.get("limit")), offset, limit)
        return Plan(op, request, parse)

    def cancel(self, deployment_id: str, job_run_name: str) -> Plan[wire.JobRunTermination]:
        """Terminates a run (idempotent)."""
        guard.not_blank(deployment_id, "deployment_id")
        guard.path_segment(job_run_name, "job_run_name")
        op = OPS["terminateJobRun"]
        request = self.core.request(op, None, {"deploymentId": deployment_id, "jobRunName": job_run_name})

        def parse(answer: Answer) -> wire.JobRunTermination:
            if not answer.body.strip():
                return wire.JobRunTermination()
            return read_model(op, answer, wire.JobRunTermination.from_json, "a termination result")
        return Plan(op, request, parse)

    def delete(self, application_id: str, job_run_name: str) -> Plan[None]:
        """Deletes a run's record."""
        guard.path_segment(application_id, "application_id")
        guard.path_segment(job_run_name, "job_run_name")
        op = OPS["deleteJobRun"]
        return Plan(op, self.core.request(op, {"jobId": application_id, "jobRunName": job_run_name}), lambda a: None)


def _validate(request: Any) -> dict[str, Any]:
    if isinstance(request, Mapping):
        body = dict(request)
    elif callable(getattr(request, "to_json", None)):
        body = request.to_json()
    else:
        raise InvalidArgumentError("request", "'request' is required (a TriggerJobRequest or its JSON form).")
    by_deployment = isinstance(body.get("deploymentId"), str) and body["deploymentId"].strip() != ""
    by_application = isinstance(body.get("applicationId"), str) and body["applicationId"].strip() != ""
    if by_deployment == by_application:
        raise InvalidArgumentError("request", "Set exactly one of 'request.deployment_id' and 'request.application_id'.")
    data = body.get("input")
    if isinstance(data, Mapping):
        spark = any(k in data for k in ("mainClass", "mainApplicationFile", "arguments"))
        command = any(k in data for k in ("command", "params"))
        if spark and command:
            raise InvalidArgumentError("request.input", "'request.input' is either a command with params or Spark input "
                                                        "(main_class, main_application_file, arguments), not both.")
        for key in (data.get("params") or {}):
            guard.not_blank(key, "request.input.params key")
    return body


def snapshot(run: wire.JobRun) -> tuple[RunStatus, str | None, str | None]:
    """A run's common status, raw status and error text (no status yet: queued)."""
    status = run.status if isinstance(run.status, str) else None
    return ("queued" if status is None else map_job_run_status(status)), status, run.error
