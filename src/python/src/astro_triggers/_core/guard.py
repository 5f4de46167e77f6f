"""Argument checks; every message names the argument and the rule. All raise :class:`InvalidArgumentError`."""
from __future__ import annotations

import math
import re
from typing import Any

from .errors.client_errors import InvalidArgumentError

_CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f]")
# White space as .NET's char.IsWhiteSpace counts it (Zs, Zl, Zp, U+0009–U+000D, U+0085): the set behind C#'s
# string.IsNullOrWhiteSpace and Trim. U+FEFF is not white space there, so a value of only U+FEFF is text here too.
_WHITE = "\t\n\u000b\f\r\u0085\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_ALL_WHITE = re.compile(f"[{_WHITE}]*\\Z")
_EDGE_WHITE = re.compile(f"^[{_WHITE}]+|[{_WHITE}]+\\Z")


def is_blank(value: str) -> bool:
    """True when the text is empty or only white space, as C#'s ``string.IsNullOrWhiteSpace`` judges it."""
    return _ALL_WHITE.match(value) is not None


def trim_white_space(value: str) -> str:
    """The text without leading and trailing white space, as C#'s ``string.Trim()`` (U+FEFF is kept)."""
    return _EDGE_WHITE.sub("", value)


def not_blank(value: Any, name: str) -> str:
    """A non-empty, non-whitespace string without control characters (CR/LF never reach a header or URL)."""
    if not isinstance(value, str):
        raise InvalidArgumentError(name, f"'{name}' is required (a string).")
    if is_blank(value):
        raise InvalidArgumentError(name, f"'{name}' must not be empty or whitespace.")
    return no_control_characters(value, name)


def no_control_characters(value: Any, name: str) -> str:
    """A string without control characters such as CR or LF."""
    if not isinstance(value, str):
        raise InvalidArgumentError(name, f"'{name}' is required (a string).")
    if _CONTROL.search(value):
        raise InvalidArgumentError(name, f"'{name}' must not contain control characters such as CR or LF.")
    return value


def path_segment(value: Any, name: str) -> str:
    """A path segment: not blank, not ``.``/``..`` (which URL normalisation would resolve away). It is then escaped."""
    text = not_blank(value, name)
    if text in (".", ".."):
        raise InvalidArgumentError(name, f"'{name}' must not be '.' or '..' (a path segment that would change the route).")
    return text


# An id of only these characters passes every check below (not blank, no control characters, not "." or ".."): the
# common case answered by one match instead of four.
_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+\Z")


def prefixed_id(value: Any, prefix: str, name: str) -> str:
    """An id with a prefix, e.g. ``job_…``, ``ns_…``."""
    if type(value) is str and len(value) > len(prefix) and value.startswith(prefix) and _PLAIN_ID.match(value):
        return value
    text = not_blank(value, name)
    if not text.startswith(prefix) or len(text) == len(prefix):
        raise InvalidArgumentError(name, f"'{name}' must be an id starting with '{prefix}' (was '{text}').")
    return path_segment(text, name)


def in_range(value: Any, low: int, high: int, name: str) -> int:
    """An integer in [low, high] (a bool is not an integer here)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidArgumentError(name, f"'{name}' must be an integer between {low} and {high} (was {value!r}).")
    return int(value)  # an int already; int() because mypy does not narrow Any through the negated test


def between(value: Any, low: float, high: float, name: str) -> float:
    """A number in [low, high] (NaN refused), e.g. a ratio or factor."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise InvalidArgumentError(name, f"'{name}' must be between {low:g} and {high:g}.")
    return float(value)


def positive_seconds(value: Any, name: str) -> float:
    """A positive, finite number of seconds."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0 or not math.isfinite(value):
        raise InvalidArgumentError(name, f"'{name}' must be a positive number of seconds.")
    return float(value)


def positive_int(value: Any, name: str) -> int:
    """A positive integer (a byte count)."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidArgumentError(name, f"'{name}' must be a positive integer.")
    return int(value)  # an int already (see in_range)
