"""One adapter per rule: the case's input through the client's own implementation, answered in the case's terms. An
adapter holds no logic of the rule."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Union

from .argument_rules import argument_rules
from .error_body import error_body
from .offset_paging import offset_paging
from .poll_schedule import poll_schedule
from .rate_limit_pacing import rate_limit_pacing
from .retry_after import retry_after
from .resume_token import resume_token
from .retry_decision import retry_decision
from .run_status import run_status
from .secret_masking import secret_masking
from .service_error_may_have_been_processed import service_error_may_have_been_processed
from .shipyard_csv import shipyard_csv

RuleAdapter = Callable[[dict[str, Any]], Union[dict[str, Any], Awaitable[dict[str, Any]]]]

ADAPTERS: dict[str, RuleAdapter] = {
    "retry-after": retry_after,
    "run-status": run_status,
    "error-body": error_body,
    "secret-masking": secret_masking,
    "shipyard-csv": shipyard_csv,
    "service-error-may-have-been-processed": service_error_may_have_been_processed,
    "retry-decision": retry_decision,
    "argument-rules": argument_rules,
    "offset-paging": offset_paging,
    "poll-schedule": poll_schedule,
    "rate-limit-pacing": rate_limit_pacing,
    "resume-token": resume_token,
}
