from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

MASK = "***"

# An allow-list, as the C# and TypeScript clients keep one: the query parameters the services' documents define are
# shown; any other value is masked, so a secret in a parameter nobody anticipated (a pre-signed URL's signature, a
# proxy's token) never reaches a log or an error. Compared case-insensitively after percent-decoding the key.
_SHOWN_QUERY_KEYS = frozenset(key.lower() for key in (
    "account", "cursor", "cursorDirection", "deploymentId", "jobRunName", "limit", "offset", "order", "orderBy",
    "perPage", "searchPrefix", "sortBy", "status", "statuses", "triggeredBy", "versionNumbers",
))
_BEARER = re.compile(r"bearer\s+[A-Za-z0-9\-._~+/]+=*", re.IGNORECASE)


def redact_text(text: str) -> str:
    """Replaces ``Bearer <token>`` anywhere in a text by ``Bearer ***``."""
    return _BEARER.sub("Bearer " + MASK, text)


def redact_url(url: str) -> str:
    """A URL with user info and the value of every query parameter the services' documents do not define replaced by
    ``***``; the fragment is dropped."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError:
        return redact_text(url)
    if not parts.scheme or not parts.netloc or host is None:
        return redact_text(url)
    user_info = MASK + "@" if parts.username or parts.password else ""
    netloc = parts.netloc.rsplit("@", 1)[-1]
    if port is not None and ((parts.scheme == "https" and port == 443) or (parts.scheme == "http" and port == 80)):
        netloc = netloc.rsplit(":", 1)[0]
    query = ""
    if parts.query:
        pairs = []
        for pair in parts.query.split("&"):
            key, eq, _ = pair.partition("=")
            pairs.append(f"{key}={MASK}" if eq and unquote(key).lower() not in _SHOWN_QUERY_KEYS else pair)
        query = "?" + "&".join(pairs)
    return f"{parts.scheme}://{user_info}{netloc.lower()}{parts.path or '/'}{query}"
