"""What a successful response said besides its body, for ``RequestOptions.on_response`` (C#'s and TypeScript's
``ResponseInfo``)."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone

import httpx

from ..errors.error_mapper import REQUEST_ID_HEADERS
from ..retry.retry_after import UNIX_MS_THRESHOLD, UNIX_S_THRESHOLD
from ..security.known_secrets import KnownSecrets

_NUMBER = re.compile(r"[+-]?[0-9]{1,15}\Z")


class ResponseInfo:
    """A 2xx answer's status, every header (values holding the client's secrets masked), the request id and the
    rate-limit headers, given to ``RequestOptions.on_response`` before the body is read. Built by the client; the
    constructor is public for users' own tests.

    Attributes:
        service: The service that answered, e.g. ``"Agentset"``.
        operation_id: The OpenAPI operationId of the call, e.g. ``"getIngestJob"``.
        status: The HTTP status (2xx).
        headers: Every response header (case-insensitive ``httpx.Headers``), secrets masked.
    """

    __slots__ = ("service", "operation_id", "status", "headers")

    def __init__(self, service: str, operation_id: str, status: int,
                 headers: httpx.Headers | dict[str, str] | list[tuple[str, str]]) -> None:
        """``headers`` are copied."""
        self.service = service
        self.operation_id = operation_id
        self.status = status
        self.headers = httpx.Headers(headers)

    @property
    def request_id(self) -> str | None:
        """The request id from ``x-request-id`` (or ``request-id``, ``x-correlation-id``, ``x-amzn-requestid``); None
        when the service sent none."""
        for name in REQUEST_ID_HEADERS:
            value = self.header(name)
            if value is not None:
                return value
        return None

    @property
    def rate_limit_limit(self) -> int | None:
        """``X-RateLimit-Limit``: requests allowed per window, when sent (Agentset sends it on every answer)."""
        return self._number("x-ratelimit-limit")

    @property
    def rate_limit_remaining(self) -> int | None:
        """``X-RateLimit-Remaining``: requests left in the window, when sent."""
        return self._number("x-ratelimit-remaining")

    @property
    def rate_limit_reset(self) -> datetime | None:
        """``X-RateLimit-Reset`` as a moment (UTC): Unix milliseconds (Agentset) or seconds, told apart by size; None
        when absent or a delay rather than a moment."""
        value = self._number("x-ratelimit-reset")
        if value is None:
            return None
        if value >= UNIX_MS_THRESHOLD:
            return datetime.fromtimestamp(value / 1000, tz=timezone.utc)
        return datetime.fromtimestamp(value, tz=timezone.utc) if value >= UNIX_S_THRESHOLD else None

    def header(self, name: str) -> str | None:
        """A header's value (several values of one name joined with ``", "``), or None when absent; ``name`` is
        case-insensitive."""
        value = self.headers.get(name)
        return None if value is None else str(value)

    def __str__(self) -> str:
        """The status and operation, for logs, e.g. ``Agentset getIngestJob: HTTP 200``."""
        return f"{self.service} {self.operation_id}: HTTP {self.status}"

    def __repr__(self) -> str:
        """``ResponseInfo(Agentset getIngestJob: HTTP 200)`` (headers are masked but left out)."""
        return f"ResponseInfo({self})"

    def _number(self, name: str) -> int | None:
        raw = self.header(name)
        return int(raw.strip()) if raw is not None and _NUMBER.match(raw.strip()) else None


class ResponseCallbackFailed(Exception):
    """Internal: the caller's ``on_response`` raised; the call runner raises its error as it is, never retried."""

    def __init__(self, error: Exception) -> None:
        """``error`` is the callback's."""
        super().__init__("on_response raised")
        self.error = error


def notify_response(on_response: Callable[[ResponseInfo], None], service: str, operation_id: str, response: httpx.Response,
                    secrets: KnownSecrets) -> None:
    """Tells the caller's ``on_response`` about a 2xx answer, before its body is read (as C#'s CallContext.Notify).
    If the callback raises, :class:`ResponseCallbackFailed` carries its error to the call runner."""
    headers = [(name, secrets.mask(value)) for name, value in response.headers.multi_items()]
    try:
        on_response(ResponseInfo(service, operation_id, response.status_code, headers))
    except Exception as error:
        raise ResponseCallbackFailed(error) from error

