from __future__ import annotations

import platform
import sys
import unicodedata
from importlib import metadata

from ..errors.client_errors import InvalidArgumentError


def _version() -> str:
    try:
        return metadata.version("astro-triggers")
    except metadata.PackageNotFoundError:
        return "0.0.0"


USER_AGENT = (f"astro-triggers-sdk-python/{_version()} "
              f"(Python {platform.python_version()}; {sys.platform})")
"""``astro-triggers-sdk-python/<version> (Python <version>; <platform>)``, sent on every request."""


def user_agent_for(application_id: str | None) -> str:
    """The User-Agent a client sends: ``[<application_id> ]astro-triggers-sdk-python/…``, as C#'s UserAgent.For and
    TypeScript's userAgentFor. ``application_id`` follows C#'s rule: 1–24 characters, no white space or control
    characters; otherwise :class:`InvalidArgumentError` naming ``application_id``."""
    if application_id is None:
        return USER_AGENT
    if (not isinstance(application_id, str) or not 1 <= len(application_id) <= 24
            or any(c.isspace() or unicodedata.category(c) == "Cc" for c in application_id)):
        raise InvalidArgumentError("application_id",
                                   "'application_id' must be 1–24 characters without spaces or control characters.")
    return f"{application_id} {USER_AGENT}"
