from __future__ import annotations

from .astro_triggers_error import AstroTriggersError
from .validation_issue import ValidationIssue


class ServiceRequestError(AstroTriggersError):
    """The service answered with a 4xx/5xx (or a 3xx, which is never followed). Raised as one of the per-status
    subclasses; catch this to handle them all.

    Attributes:
        documentation_url: Link to the service's documentation of this error (Agentset ``doc_url``), when present.
        reason: Why (Astropod's ``reason``), when present.
        suggested_action: What to do (Astropod's ``action``), when present.
        validation_issues: The 422's FastAPI ``detail[]`` entries (empty otherwise).
        retry_after: Seconds the service asked to wait before another attempt (``Retry-After`` as seconds, an HTTP
            date or Unix milliseconds; ``X-RateLimit-Reset`` on a 429), when it said.
    """

    def __init__(
        self,
        *,
        service: str,
        operation_id: str,
        status: int,
        method: str,
        url: str | None = None,
        error_code: str | None = None,
        service_message: str | None = None,
        documentation_url: str | None = None,
        reason: str | None = None,
        suggested_action: str | None = None,
        validation_issues: tuple[ValidationIssue, ...] = (),
        request_id: str | None = None,
        raw_body: str | None = None,
        retry_after: float | None = None,
        may_have_been_processed: bool = False,
        message: str | None = None,
    ) -> None:
        """Every text must already be masked (the SDK's error mapper masks them)."""
        text = message if message is not None else _build_message(
            service, operation_id, status, method, url, error_code, service_message, reason, suggested_action,
            request_id, retry_after, may_have_been_processed)
        super().__init__(text, service=service, operation_id=operation_id, status=status, error_code=error_code,
                         service_message=service_message, request_id=request_id, method=method, url=url,
                         raw_body=raw_body, may_have_been_processed=may_have_been_processed)
        self.documentation_url = documentation_url
        self.reason = reason
        self.suggested_action = suggested_action
        self.validation_issues = validation_issues
        self.retry_after = retry_after


def _build_message(service: str, operation_id: str, status: int, method: str, url: str | None, code: str | None,
                   message: str | None, reason: str | None, action: str | None, request_id: str | None,
                   retry_after: float | None, processed: bool) -> str:
    text = f"{service} {operation_id} failed with HTTP {status}"
    if code:
        text += f" ({code})"
    if message:
        text += f": {message}"
    if reason:
        text += f" Reason: {reason}."
    if action:
        text += f" Suggested action: {action}."
    text += f" [{method} {url or ''}"
    if request_id:
        text += f", request id {request_id}"
    text += "]"
    if retry_after is not None:
        text += f" Retry after {retry_after:g} s."
    if processed:
        text += " The request may have been processed; it was not repeated."
    return text
