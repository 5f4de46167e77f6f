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


@dataclass(frozen=True)
class HttpRequest:
    """One request as the facades build it (internal): the URL already carries the escaped path and the query."""

    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None


@dataclass(frozen=True)
class Answer:
    """A 2xx answer with its body read, decoded and capped (internal)."""

    status: int
    headers: httpx.Headers
    body: bytes

    def text(self) -> str:
        """The body as text in its declared charset (UTF-8 by default, a byte order mark dropped)."""
        return decode_text(self.body, self.headers.get("content-type"))

    def is_utf8(self) -> bool:
        """Whether the body is UTF-8: declared so, or no charset declared."""
        charset = _charset_of(self.headers.get("content-type") or "")
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
