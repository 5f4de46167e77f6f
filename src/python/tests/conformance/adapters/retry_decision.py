from __future__ import annotations

import asyncio
from typing import Any

from astro_triggers._core.errors.client_errors import ResponseDeserializationError, ServiceTimeoutError, TransportError
from astro_triggers._core.errors.status_errors import error_type_for
from astro_triggers._core.retry.retry_decision import retry_decision as decide
from astro_triggers._core.retry.retry_options import DEFAULT_RETRY, RetryOptions, resolve_retry

_CALL = {"service": "Conformance", "operation_id": "conformance", "method": "POST"}


def _failure(case: dict[str, Any]) -> tuple[BaseException, bool]:
    """The error the call runner's classification hands to the decision for each failure kind."""
    kind = case["failure"]
    if kind == "answered":
        hint = case.get("retryAfterMs")
        error = error_type_for(case["status"])(status=case["status"], **_CALL,
                                              retry_after=hint / 1000 if isinstance(hint, (int, float)) else None)
        return error, False
    if kind in ("refused-connection", "connect-timeout"):
        return TransportError("the connection was refused", **_CALL, may_have_been_processed=False), False
    if kind in ("reset-before-headers", "reset-in-body"):
        return TransportError("the connection was reset", **_CALL, may_have_been_processed=True), False
    if kind == "attempt-timeout":
        return ServiceTimeoutError(30, "attempt", **_CALL, may_have_been_processed=True), True
    if kind == "caller-cancelled":
        # A cancelled task surfaces as CancelledError, which is no SDK error: no retry rule takes it.
        return asyncio.CancelledError(), False
    if kind == "deserialization":
        return ResponseDeserializationError("the response body is not valid JSON", **_CALL), False
    raise ValueError(f"unknown failure kind {kind!r}")


def retry_decision(case: dict[str, Any]) -> dict[str, Any]:
    """retry-decision: {failure, …} → {retry, waitMs?} through the call runner's retry_decision."""
    error, attempt_timed_out = _failure(case)
    retry = resolve_retry(DEFAULT_RETRY, RetryOptions(
        max_attempts=case["maxAttempts"], max_delay=case["maxDelayMs"] / 1000,
        retry_unsafe_requests=case["retryUnsafeRequests"],
        retry_internal_server_error=case.get("retryInternalServerError", False)))
    decision = decide(error, attempt_timed_out, case["idempotent"], retry, case["attempts"], case["remainingMs"])
    return {"retry": False} if decision is None else {"retry": True, "waitMs": decision.hint_ms}
