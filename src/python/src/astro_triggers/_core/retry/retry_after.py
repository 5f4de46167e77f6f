from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from datetime import datetime, timezone

# At or above this a number is a Unix time in milliseconds (Agentset's Retry-After).
UNIX_MS_THRESHOLD = 100_000_000_000
# The last Unix millisecond of the year 9999 (.NET's DateTimeOffset.MaxValue): past it a number names no moment.
MAX_UNIX_MS = 253_402_300_799_999
# At or above this (and below the ms threshold) a number is a Unix time in seconds.
UNIX_S_THRESHOLD = 1_000_000_000
# How far before / after a Date (ms) the client's clock may sit and still be taken as agreeing with it.
_DATE_AGREEMENT_BEFORE_MS = 1000
_DATE_AGREEMENT_AFTER_MS = 2000

_DIGITS = re.compile(r"[0-9]+\Z")
_FRACTION = re.compile(r"[0-9]*\.[0-9]+\Z")
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_LONG_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_TIME = r"([0-9]{2}):([0-9]{2}):([0-9]{2})"
_IMF_FIXDATE = re.compile(rf"({'|'.join(_DAYS)}), ([0-9]{{2}}) ({'|'.join(_MONTHS)}) ([0-9]{{4}}) {_TIME} GMT\Z")
_RFC_850 = re.compile(rf"({'|'.join(_LONG_DAYS)}), ([0-9]{{2}})-({'|'.join(_MONTHS)})-([0-9]{{2}}) {_TIME} GMT\Z")
_ASCTIME = re.compile(rf"({'|'.join(_DAYS)}) ({'|'.join(_MONTHS)}) ([ 0-9][0-9]) {_TIME} ([0-9]{{4}})\Z")

HeaderLookup = Callable[[str], "str | None"]


def parse_retry_after(get: HeaderLookup, now_ms: float, rate_limited: bool = True) -> float | None:
    """How long the server asked to wait, in milliseconds, from ``Retry-After`` (delta seconds, an HTTP date, or
    Agentset's reset moment in Unix milliseconds) or else ``X-RateLimit-Reset`` (only for a 429: Agentset sends it on
    every answer, where it only says when the window reopens). Absolute forms are measured against the server's now
    (:func:`server_now`), so a skewed local clock does not matter.

    Args:
        get: reads one response header by name (case-insensitive), None when absent.
        now_ms: the client's wall clock, Unix milliseconds.
        rate_limited: whether the answer was a 429.

    Returns:
        Milliseconds ≥ 0, or None when no readable hint was given.
    """
    reference = server_now(get("date"), now_ms)
    retry_after = get("retry-after")
    if retry_after is not None:
        wait = parse_retry_after_value(retry_after, reference)
        if wait is not None:
            return wait
    reset = get("x-ratelimit-reset") if rate_limited else None
    return None if reset is None else parse_retry_after_value(reset, reference)


def parse_retry_after_value(raw: str, now_ms: float) -> float | None:
    """One header value (see :func:`parse_retry_after`): milliseconds ≥ 0, or None."""
    value = raw.strip(" \t")
    if _DIGITS.match(value):
        n = int(value)
        if n >= UNIX_MS_THRESHOLD:
            # Past the year 9999 it is garbage from the wire, not a wait of millennia (as C# and TypeScript).
            return None if n > MAX_UNIX_MS else max(0.0, n - now_ms)
        if n >= UNIX_S_THRESHOLD:
            return max(0.0, n * 1000 - now_ms)
        return float(n * 1000)
    if _FRACTION.match(value):
        seconds = float(value)
        # Half up, whole milliseconds, as the other clients round.
        return float(math.floor(seconds * 1000 + 0.5)) if seconds < UNIX_S_THRESHOLD else None
    date = parse_http_date(value, now_ms)
    return None if date is None else max(0.0, date - now_ms)


def server_now(date: str | None, client_now_ms: float) -> float:
    """The server's "now" (Unix ms) for a moment it named. ``Date`` has whole seconds only: when the client's clock is
    within [Date − 1 s, Date + 2 s) the clocks agree to the header's precision and the client's finer time is used;
    otherwise the client's clock is off and ``Date`` stands for the server's now. Without a readable ``Date``, the
    client's clock."""
    server = None if date is None else parse_http_date(date.strip(), client_now_ms)
    if server is None:
        return client_now_ms
    if server - _DATE_AGREEMENT_BEFORE_MS <= client_now_ms < server + _DATE_AGREEMENT_AFTER_MS:
        return client_now_ms
    return server


def parse_http_date(value: str, now_ms: float) -> float | None:
    """An HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, or the obsolete RFC 850 (a two-digit year more than 50 years
    ahead of now is the last such year in the past) and asctime forms. Nothing else. Returns Unix ms, or None."""
    m = _IMF_FIXDATE.match(value)
    if m:
        return _utc(int(m[4]), m[3], int(m[2]), m[5], m[6], m[7])
    m = _RFC_850.match(value)
    if m:
        now_year = datetime.fromtimestamp(now_ms / 1000, tz=timezone.utc).year
        year = now_year // 100 * 100 + int(m[4])
        if year > now_year + 50:
            year -= 100
        elif year <= now_year - 50:
            year += 100
        return _utc(year, m[3], int(m[2]), m[5], m[6], m[7])
    m = _ASCTIME.match(value)
    if m:
        return _utc(int(m[7]), m[2], int(m[3].strip()), m[4], m[5], m[6])
    return None


def _utc(year: int, month: str, day: int, hh: str, mm: str, ss: str) -> float | None:
    h, mi, s = int(hh), int(mm), int(ss)
    month_number = _MONTHS.index(month) + 1
    if h > 23 or mi > 59 or s > 60 or day < 1 or year < 1:
        return None
    # A day past the month's end (31 Feb) is not a date.
    if day > calendar.monthrange(year, month_number)[1]:
        return None
    return float(calendar.timegm((year, month_number, day, h, mi, min(s, 59))) * 1000)
