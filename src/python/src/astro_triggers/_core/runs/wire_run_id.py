from __future__ import annotations

import re
from typing import Any

from ..http.operation import OperationInfo
from ..plan import unreadable

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def wire_run_id(value: Any, operation: OperationInfo, status: int, field: str, prefix: str | None = None) -> str:
    """The id a success answer names for the run it started. It comes from the wire, not the caller, so a value the
    SDK cannot use is the answer's fault: ResponseDeserializationError naming the field (``may_have_been_processed``),
    never the InvalidArgumentError of a caller's argument."""
    problem = _problem(value, prefix)
    if problem is None:
        return value  # type: ignore[no-any-return]
    raise unreadable(operation, status, f"is not the documented model: the answer's '{field}' {problem}, so the run "
                                        "cannot be followed")


def wire_optional_name(value: Any) -> str | None:
    """An optional name from the answer: None when missing or unusable; a number reads as its text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() and not _CONTROL.search(value) else None


def _problem(value: Any, prefix: str | None) -> str | None:
    if value is None:
        return "is missing or null"
    if not isinstance(value, str):
        return f"is {type(value).__name__}, not text"
    if not value.strip():
        return "is empty or whitespace"
    if _CONTROL.search(value):
        return "holds a control character"
    if value in (".", ".."):
        return f"is '{value}' (a path segment that would change the route)"
    if prefix is not None and (not value.startswith(prefix) or len(value) == len(prefix)):
        shown = value if len(value) <= 64 else value[:64] + "…"
        return f"is '{shown}', not an id starting with '{prefix}'"
    return None
