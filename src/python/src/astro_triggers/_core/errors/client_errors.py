from __future__ import annotations

from .astro_triggers_error import AstroTriggersError


def _reach(may_have_been_processed: bool) -> str:
    return "The request may have reached the service." if may_have_been_processed else "The request did not reach the service."


class TransportError(AstroTriggersError):
    """No HTTP response arrived: refused, reset, DNS failure, or the connection broke while the body was read.

    ``may_have_been_processed`` is false only when the request certainly never reached the service (the connection was
    never established); true when it may have, so a create or start may have been acted on. ``status`` is 0.
    """

    def __init__(self, what: str, *, service: str, operation_id: str, method: str | None = None, url: str | None = None,
                 may_have_been_processed: bool) -> None:
        """``what`` says what failed (masked); the rest are the call's details."""
        super().__init__(
            f"{service} {operation_id}: {what}. {_reach(may_have_been_processed)}",
            service=service, operation_id=operation_id, method=method, url=url, status=0,
            may_have_been_processed=may_have_been_processed,
        )


class ServiceTimeoutError(TransportError):
    """An attempt (``RetryOptions.attempt_timeout``) or the whole call (``timeout``) ran out of time, a stalled body
    included. A kind of :class:`TransportError`.

    Attributes:
        timeout: The limit that ran out, in seconds.
    """

    def __init__(self, timeout: float, which: str, *, service: str, operation_id: str, method: str | None = None,
                 url: str | None = None, may_have_been_processed: bool) -> None:
        """``timeout`` in seconds; ``which`` is ``"attempt"`` or ``"call"``."""
        super().__init__(f"the {which} timed out after {_seconds(timeout)}", service=service, operation_id=operation_id,
                         method=method, url=url, may_have_been_processed=may_have_been_processed)
        self.timeout = timeout


def _seconds(value: float) -> str:
    return f"{value:g} s"


class ResponseDeserializationError(AstroTriggersError):
    """A 2xx answer whose body is not what the operation returns (not JSON, empty, the wrong shape). Not retried.

    ``may_have_been_processed`` is always true: the service answered with success, so it acted; only its answer is
    lost. ``status`` is the 2xx received (201 for a create).

    Attributes:
        json_path: Where in the body reading failed (``$.data.id``), when known.
    """

    def __init__(self, message: str, *, service: str = "", operation_id: str = "", status: int = 0,
                 method: str | None = None, url: str | None = None, json_path: str | None = None) -> None:
        """``message`` must be masked already."""
        super().__init__(message, service=service, operation_id=operation_id, status=status, method=method, url=url,
                         may_have_been_processed=True)
        self.json_path = json_path


class ResponseTooLargeError(ResponseDeserializationError):
    """A success body exceeded ``max_response_bytes`` (16 MiB by default), by its Content-Length or while streaming
    (counted on the decoded bytes). It was refused, not buffered. Not retried.

    Attributes:
        limit: The limit in bytes.
        declared_length: The Content-Length the service declared, or None (refused while streaming).
    """

    def __init__(self, limit: int, declared_length: int | None, *, service: str, operation_id: str, status: int,
                 method: str | None = None, url: str | None = None) -> None:
        """``limit`` in bytes; ``declared_length`` the Content-Length when the service sent one."""
        tail = " (refused while streaming)." if declared_length is None else f" (Content-Length {declared_length})."
        super().__init__(f"{service} {operation_id}: the response is larger than {limit} bytes{tail}", service=service,
                         operation_id=operation_id, status=status, method=method, url=url)
        self.limit = limit
        self.declared_length = declared_length


class PagingError(AstroTriggersError):
    """A paging service broke its own contract: it repeated a cursor, said more items follow without a cursor, or
    ignored the offset. The walk stops instead of looping. ``status`` 0, ``may_have_been_processed`` false."""

    def __init__(self, message: str, *, service: str = "", operation_id: str = "") -> None:
        """``message`` says what the service did wrong."""
        super().__init__(message, service=service, operation_id=operation_id)


class InvalidArgumentError(AstroTriggersError, ValueError):
    """An argument broke a documented rule; raised before any request is sent. Also a :class:`ValueError`.

    Attributes:
        argument: The argument's name, e.g. ``"request_options.tenant_id"``.
    """

    def __init__(self, argument: str, message: str) -> None:
        """``message`` names the argument and the rule."""
        super().__init__(message)
        self.argument = argument


class UnsupportedOperationError(AstroTriggersError):
    """The service has no way to do this (e.g. ``cancel()`` on an Agentset or Shipyard run); the message says what to
    do instead."""
