from __future__ import annotations

import random
from collections.abc import Callable

from ..errors.astro_triggers_error import AstroTriggersError
from ..errors.client_errors import ServiceTimeoutError, TransportError
from ..errors.service_request_error import ServiceRequestError
from .retry_options import ResolvedRetry


class Retry:
    """A decision to try again: ``hint_ms`` is the server's wait, or None for the backoff."""

    __slots__ = ("hint_ms",)

    def __init__(self, hint_ms: float | None) -> None:
        self.hint_ms = hint_ms


def retry_decision(error: BaseException, attempt_timed_out: bool, idempotent: bool, retry: ResolvedRetry,
                   attempts: int, remaining_ms: float) -> Retry | None:
    """The decision after a failed attempt (conformance rule ``retry-decision``): None to raise now (attempts used up,
    a failure not retried, or a server's hint longer than ``max_delay`` or than what remains of the call), else the
    server's hint, or a hint of None for the backoff."""
    if attempts >= retry.max_attempts or not should_retry(error, attempt_timed_out, idempotent, retry):
        return None
    hint = error.retry_after * 1000 if isinstance(error, ServiceRequestError) and error.retry_after is not None else None
    if hint is not None and (hint > retry.max_delay_ms or hint > remaining_ms):
        return None
    return Retry(hint)


def should_retry(error: BaseException, attempt_timed_out: bool, idempotent: bool, retry: ResolvedRetry) -> bool:
    """Whether to try again (README "Retries"): reads on any transient failure; unsafe requests only when the service
    certainly did not act. A caller's cancellation, or anything that is not an SDK error, is never retried."""
    if not isinstance(error, AstroTriggersError):
        return False
    may_repeat_ambiguous = idempotent or retry.retry_unsafe_requests
    # By class: a ServiceTimeoutError is a TransportError, so it is decided first.
    if isinstance(error, ServiceTimeoutError):
        return attempt_timed_out and may_repeat_ambiguous
    if isinstance(error, ServiceRequestError):
        status = error.status
        retryable = status in retry.retryable_status_codes or (status == 500 and retry.retry_internal_server_error)
        return retryable and (may_repeat_ambiguous or status == 429 or (status == 503 and error.retry_after is not None))
    if isinstance(error, TransportError):
        return not error.may_have_been_processed or may_repeat_ambiguous
    # An unreadable, oversized or malformed success body reads the same the next time.
    return False


def backoff_ms(retry_index: int, retry: ResolvedRetry, rand: Callable[[], float] = random.random) -> float:
    """Exponential backoff: ``base_delay · 2^retry_index``, capped at ``max_delay``, with 50–100 % jitter."""
    capped = min(retry.base_delay_ms * 2 ** min(retry_index, 30), retry.max_delay_ms)
    return float(capped * (0.5 + rand() * 0.5) if retry.use_jitter else capped)


def may_have_been_processed(idempotent: bool, status: int, retry_after_ms: float | None) -> bool:
    """A 5xx to an unsafe request may have been acted on, except a 503 that said when to come back."""
    return not idempotent and status >= 500 and not (status == 503 and retry_after_ms is not None)
