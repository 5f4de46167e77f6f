from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .http.response_info import ResponseInfo
from .retry.retry_options import RetryOptions


@dataclass(frozen=True)
class RequestOptions:
    """Options of one call, passed as ``request_options=`` (keyword-only) to every operation.

    A separate object rather than keyword arguments of each operation: an operation's own parameters (a trigger's
    ``timeout`` field, a filter's ``status``) can never collide with these; one object can be kept and reused for many
    calls; and a run handle captures it, so every status read and the cancel of a started run carry the same options.

    Attributes:
        timeout: Overall limit of this call in seconds (all attempts and waits), instead of the client's.
        retry: Retry settings for this call over the client's, e.g. ``RetryOptions(retry_unsafe_requests=True)``.
        on_response: Called with the :class:`ResponseInfo` of every 2xx answer (status, headers with secrets masked,
            request id, ``X-RateLimit-*``) before its body is read. If it raises, the call ends with that exception
            as it is (not wrapped, not retried: the service has answered).
    """

    timeout: float | None = None
    retry: RetryOptions | None = None
    on_response: Callable[[ResponseInfo], None] | None = None
