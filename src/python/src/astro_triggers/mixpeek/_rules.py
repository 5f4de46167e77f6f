"""Mixpeek's argument rules (as .NET's Mixpeek/CronRule.cs and the TypeScript client): the namespace header, the cron
syntax Mixpeek documents (five fields of numbers, names, ``*``, lists, ranges, steps; no macros or scheduler
extensions) and IANA time zones."""
from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from typing import Any

from .._core.errors.client_errors import InvalidArgumentError
from .._core.guard import is_blank, trim_white_space

_NAMESPACE = re.compile(r"[A-Za-z0-9_.-]{1,128}\Z")
_NUMBER = re.compile(r"[0-9]+\Z")


@dataclass(frozen=True)
class _Field:
    name: str
    low: int
    high: int
    names: tuple[str, ...] = ()
    first_name_value: int = 0


_FIELDS = (
    _Field("minute", 0, 59), _Field("hour", 0, 23), _Field("day-of-month", 1, 31),
    _Field("month", 1, 12, ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1),
    _Field("day-of-week", 0, 7, ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"), 0),
)
_MACROS = {"@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
           "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *"}


def check_namespace(value: Any, name: str) -> str:
    """An ``X-Namespace`` value: ^[A-Za-z0-9_.-]{1,128}$ (keeps CR/LF and spaces out of the header)."""
    if not isinstance(value, str) or not _NAMESPACE.match(value):
        raise InvalidArgumentError(name, f"'{name}' must be 1 to 128 letters, digits, '_', '-' or '.' (^[A-Za-z0-9_.-]{{1,128}}$).")
    return value


def _invalid(name: str, expression: str, problem: str) -> InvalidArgumentError:
    return InvalidArgumentError(name, f"'{name}' must be a five-field cron expression (minute hour day-of-month month "
                                      f"day-of-week), e.g. '0 2 * * *' (was '{expression}'): {problem}")


def check_cron_expression(expression: Any, name: str) -> None:
    """A five-field cron expression as Mixpeek documents it. Raises InvalidArgumentError naming the field."""
    if not isinstance(expression, str) or is_blank(expression):
        raise InvalidArgumentError(name, f"'{name}' is required (a five-field cron expression).")
    trimmed = trim_white_space(expression)
    if trimmed.startswith("@"):
        equivalent = _MACROS.get(trimmed.lower())
        raise _invalid(name, expression, "macros such as '@daily' are not accepted by Mixpeek."
                       + (f" Write '{equivalent}' instead." if equivalent else ""))
    parts = re.split(" +", trimmed)
    if len(parts) != len(_FIELDS):
        raise _invalid(name, expression, f"it has {len(parts)} field{'' if len(parts) == 1 else 's'}.")
    for part, spec in zip(parts, _FIELDS):
        _check_field(part, spec, name, expression)


def _hint(spec: _Field) -> str:
    return f" or {spec.names[0]}-{spec.names[-1]}" if spec.names else ""


def _check_field(text: str, spec: _Field, name: str, expression: str) -> None:
    for item in text.split(","):
        range_part, *steps = item.split("/")
        if steps:
            step = steps[0]
            n = int(step) if _NUMBER.match(step) else -1
            if len(steps) > 1 or not 1 <= n <= spec.high:
                raise _invalid(name, expression, f"the {spec.name} field's step must be a whole number from 1 to {spec.high} (was '{item}').")
        if range_part == "*":
            continue
        low, *rest = range_part.split("-")
        start = _value(low, spec, name, expression, item)
        if len(rest) > 1:
            raise _invalid(name, expression, f"the {spec.name} field must be {spec.low}-{spec.high}{_hint(spec)}, '*', a list (','), a range ('-') or a step ('/') (was '{item}').")
        if rest and _value(rest[0], spec, name, expression, item) < start:
            raise _invalid(name, expression, f"the {spec.name} field's range must run from low to high (was '{item}').")


def _value(text: str, spec: _Field, name: str, expression: str, item: str) -> int:
    if _NUMBER.match(text):
        n = int(text)
        if spec.low <= n <= spec.high:
            return n
        raise _invalid(name, expression, f"the {spec.name} field must be {spec.low}-{spec.high}{_hint(spec)} (was '{item}').")
    upper = text.upper()
    if upper in spec.names:
        return spec.names.index(upper) + spec.first_name_value
    raise _invalid(name, expression, f"the {spec.name} field must be {spec.low}-{spec.high}{_hint(spec)}, '*', a list (','), a range ('-') or a step ('/') (was '{item}').")


def check_time_zone(zone: Any, name: str) -> None:
    """An IANA time zone id the system knows (``Europe/Berlin``, ``UTC``); None is the service's default."""
    if zone is None:
        return
    known = isinstance(zone, str) and zone != "" and trim_white_space(zone) == zone
    if known:
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            known = False
    if not known:
        raise InvalidArgumentError(name, f"'{name}' must be an IANA time zone id such as 'Europe/Berlin' or 'UTC' (was '{zone}').")
