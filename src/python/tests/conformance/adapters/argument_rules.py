from __future__ import annotations

from collections.abc import Callable
from typing import Any

from astro_triggers import InvalidArgumentError
from astro_triggers._core import guard
from astro_triggers.agentset._rules import check_create_body, check_tenant_id
from astro_triggers.mixpeek._rules import check_cron_expression, check_namespace, check_time_zone

# suite name → (the suite's name for the argument, Python's name for it, the check the client runs before sending).
_RULES: dict[str, tuple[str, str, Callable[[Any, str], Any]]] = {
    "agentset-tenant-id": ("tenantId", "tenant_id", check_tenant_id),
    "agentset-job-id": ("jobId", "job_id", lambda v, n: guard.prefixed_id(v, "job_", n)),
    "mixpeek-namespace": ("namespace", "namespace", check_namespace),
    "page-size": ("pageSize", "page_size", lambda v, n: guard.in_range(v, 1, 100, n)),
    "cron-expression": ("cronExpression", "cron_expression", check_cron_expression),
    "time-zone": ("timeZone", "time_zone", check_time_zone),
    "agentset-text-payload": ("payload.text", "job.payload.text",
                              lambda v, n: check_create_body({"payload": {"type": "TEXT", "text": v}}, "job")),
    "url-payload": ("payload.fileUrl", "job.payload.file_url",
                    lambda v, n: check_create_body({"payload": {"type": "FILE", "fileUrl": v}}, "job")),
    "truefoundry-run-name": ("jobRunName", "job_run_name", guard.path_segment),
    "header-value": ("headerValue", "header_value", guard.no_control_characters),
}


def argument_rules(case: dict[str, Any]) -> dict[str, Any]:
    """argument-rules: {argument, value} → {accepted} or {accepted: False, argument}: a refusal answers the suite's
    name when the InvalidArgumentError names Python's (its ``argument`` and its message)."""
    suite_name, native, check = _RULES[case["argument"]]
    try:
        check(case["value"], native)
        return {"accepted": True}
    except InvalidArgumentError as error:
        named = error.argument == native and f"'{native}'" in str(error)
        return {"accepted": False,
                "argument": suite_name if named else f"(Python named '{error.argument}': {error})"}
