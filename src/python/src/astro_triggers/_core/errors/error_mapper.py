from __future__ import annotations

from collections.abc import Callable

from ..retry.retry_after import parse_retry_after
from ..retry.retry_decision import may_have_been_processed
from ..security.known_secrets import KnownSecrets
from ..security.redactor import redact_url
from .error_body import parse_error_body
from .service_request_error import ServiceRequestError
from .status_errors import error_type_for
from .validation_issue import ValidationIssue

REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid")
MAX_ERROR_BODY_BYTES = 16 * 1024


def error_from_answer(*, service: str, operation_id: str, method: str, idempotent: bool, status: int,
                      header: Callable[[str], "str | None"], raw: str | None, url: str, secrets: KnownSecrets,
                      now_ms: float) -> ServiceRequestError:
    """The typed error for a non-2xx answer: the body's fields (any service's shape), Retry-After on the server's
    clock, every text masked. ``raw`` is at most 16 KB of the body as text (None when it could not be read)."""
    body = parse_error_body(raw)
    retry_after_ms = parse_retry_after(header, now_ms, status == 429)
    header_request_id = next((v for v in (header(h) for h in REQUEST_ID_HEADERS) if v is not None), None)
    m = secrets.mask_optional
    issues = tuple(ValidationIssue(tuple(secrets.mask(step) for step in i.location), secrets.mask(i.message),
                                   m(i.type)) for i in body.validation_issues)
    return error_type_for(status)(
        service=service, operation_id=operation_id, status=status, method=method, url=secrets.mask(redact_url(url)),
        error_code=m(body.code), service_message=m(body.message), documentation_url=m(body.documentation_url),
        reason=m(body.reason), suggested_action=m(body.action), validation_issues=issues,
        request_id=m(body.request_id if body.request_id is not None else header_request_id), raw_body=m(raw),
        retry_after=None if retry_after_ms is None else retry_after_ms / 1000,
        may_have_been_processed=may_have_been_processed(idempotent, status, retry_after_ms))
