"""How one attempt's failure becomes an SDK error (internal; shared by the sync and async runners)."""
from __future__ import annotations

import socket

import httpx

from ..errors.astro_triggers_error import AstroTriggersError
from ..errors.client_errors import ServiceTimeoutError, TransportError
from ..security.known_secrets import KnownSecrets
from ..security.redactor import redact_url
from .operation import OperationInfo


class AttemptTimedOut(Exception):
    """The attempt's own timeout ran out (the request may have been sent)."""


class CallTimedOut(Exception):
    """The call's budget ran out during an attempt."""


class NotSent(Exception):
    """Nothing of the request was written (no connection): the service cannot have acted."""


class BodyReadFailure(Exception):
    """The headers had arrived; the body could not be read whole."""


class Details:
    """The call's identity for its errors, with the URL masked (masked when first asked for: most calls never fail,
    and parsing the URL for it was a visible share of a call's own cost)."""

    __slots__ = ("service", "operation_id", "method", "_raw_url", "_secrets", "_url")

    def __init__(self, operation: OperationInfo, url: str, secrets: KnownSecrets) -> None:
        self.service = operation.service
        self.operation_id = operation.operation_id
        self.method = operation.method
        self._raw_url = url
        self._secrets = secrets
        self._url: str | None = None

    @property
    def url(self) -> str:
        """The URL with user info, unlisted query values and known secrets masked."""
        if self._url is None:
            self._url = self._secrets.mask(redact_url(self._raw_url))
        return self._url


def _never_connected_text(error: BaseException) -> str:
    for e in _chain(error):
        if isinstance(e, socket.gaierror) or "Name or service not known" in str(e) or "nodename nor servname" in str(e):
            return "the host name could not be resolved"
    if isinstance(error, (httpx.ConnectTimeout, httpx.PoolTimeout)):
        return "no connection was established within the time left for the attempt"
    return "the connection was refused"


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    e: BaseException | None = error
    while e is not None and len(seen) < 6:
        seen.append(e)
        e = e.__cause__ or e.__context__
    return seen


def classify(raw: BaseException, d: Details, secrets: KnownSecrets, attempt_timeout_ms: float,
             call_timeout_ms: float) -> tuple[AstroTriggersError, bool, bool]:
    """The SDK error for a failed attempt, whether it was the attempt's own timeout (retry-decision input), and
    whether the call's budget ran out (then nothing is retried)."""
    if isinstance(raw, AstroTriggersError):
        return raw, False, False
    if isinstance(raw, CallTimedOut):
        return ServiceTimeoutError(call_timeout_ms / 1000, "call", service=d.service, operation_id=d.operation_id,
                                   method=d.method, url=d.url, may_have_been_processed=True), False, True
    if isinstance(raw, AttemptTimedOut):
        return ServiceTimeoutError(attempt_timeout_ms / 1000, "attempt", service=d.service,
                                   operation_id=d.operation_id, method=d.method, url=d.url,
                                   may_have_been_processed=True), True, False
    if isinstance(raw, BodyReadFailure):
        return TransportError(secrets.mask(str(raw)), service=d.service, operation_id=d.operation_id, method=d.method,
                              url=d.url, may_have_been_processed=True), False, False
    if isinstance(raw, NotSent):
        return TransportError(f"the request could not be sent: {secrets.mask(str(raw))}", service=d.service,
                              operation_id=d.operation_id, method=d.method, url=d.url,
                              may_have_been_processed=False), False, False
    if isinstance(raw, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
        # The connection was never established (refused, unresolvable, no connection in time): nothing was written.
        return TransportError(_never_connected_text(raw), service=d.service, operation_id=d.operation_id,
                              method=d.method, url=d.url, may_have_been_processed=False), False, False
    if isinstance(raw, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.NetworkError)):
        return TransportError("the connection was reset before a complete response", service=d.service,
                              operation_id=d.operation_id, method=d.method, url=d.url,
                              may_have_been_processed=True), False, False
    text = secrets.mask(f"{type(raw).__name__}: {raw}")
    return TransportError(f"the request failed: {text}", service=d.service, operation_id=d.operation_id,
                          method=d.method, url=d.url, may_have_been_processed=True), False, False
