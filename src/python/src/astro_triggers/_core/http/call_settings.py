from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from ..auth.credential import Credential
from ..retry.rate_limit_pacer import RateLimitPacer
from ..retry.retry_options import ResolvedRetry
from ..security.known_secrets import KnownSecrets
from .clock import Clock
from .response_info import ResponseInfo
from .user_agent import USER_AGENT


# Not frozen (made on every call; see Plan).
@dataclass(slots=True)
class HttpRequest:
    """One request as the facades build it (internal): the URL already carries the escaped path and the query."""

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None


class Answer:
    """A 2xx answer with its body read, decoded and capped (internal). ``content_type``: the runner's reading of the
    header, when it already made one (else read from ``headers`` when first needed)."""

    __slots__ = ("status", "headers", "body", "_content_type", "_known")

    def __init__(self, status: int, headers: httpx.Headers, body: bytes, content_type: str | None = None,
                 content_type_known: bool = False) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self._content_type = content_type
        self._known = content_type_known

    def __repr__(self) -> str:
        """Status and size only: the body may carry secrets."""
        return f"Answer({self.status}, {len(self.body)} bytes)"

    @property
    def content_type(self) -> str | None:
        """The ``Content-Type`` header."""
        if not self._known:
            self._content_type = self.headers.get("content-type")
            self._known = True
        return self._content_type

    def text(self) -> str:
        """The body as text in its declared charset (UTF-8 by default, a byte order mark dropped)."""
        return decode_text(self.body, self.content_type)

    def is_utf8(self) -> bool:
        """Whether the body is UTF-8: declared so, or no charset declared."""
        content_type = self.content_type
        if not content_type or ";" not in content_type:
            return True  # no parameters, so no charset
        charset = _charset_of(content_type)
        return charset is None or charset.lower().replace("_", "-") in ("utf-8", "utf8")


def decode_text(data: bytes, content_type: str | None) -> str:
    """Bytes as text in the declared charset (UTF-8 by default); a leading byte order mark is dropped, as a browser's
    TextDecoder drops it; undecodable bytes become U+FFFD."""
    charset = _charset_of(content_type or "") or "utf-8"
    if charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        charset = "utf-8-sig"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8-sig", errors="replace")


def _charset(headers: httpx.Headers) -> str | None:
    return _charset_of(headers.get("content-type", ""))


def _charset_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None


@dataclass(frozen=True)
class CallSettings:
    """Everything one call runs under, resolved from the client's options and the call's own (internal)."""

    retry: ResolvedRetry
    timeout_ms: float
    max_response_bytes: int
    accept_encoding: str
    clock: Clock
    secrets: KnownSecrets
    credential: Credential
    pacer: RateLimitPacer | None
    extra: dict[str, Any] = field(default_factory=dict)
    on_response: Callable[[ResponseInfo], None] | None = None
    user_agent: str = USER_AGENT
