from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .. import guard
from ..errors.client_errors import InvalidArgumentError, PagingError
from .page import Page

T = TypeVar("T")
_log = logging.getLogger("astro_triggers")
# How many pages' first items are remembered to tell an offset-ignoring service from a mislabelled page (as C#).
_REMEMBERED_PAGES = 10_000
_TOKEN = re.compile(r"([0-9]+)(?::([0-9]+))?\Z")
_MAX_SAFE = 2**53 - 1


@dataclass(frozen=True)
class OffsetToken:
    """An offset page token in the C# client's format, so a token saved by one language resumes in another: ``"20"``
    (start at 20, the list's page size) or ``"0:3"`` (start at 0, at most 3 items)."""

    offset: int
    limit: int | None


def parse_offset_token(token: str, max_page_size: int) -> OffsetToken:
    """Reads a token: digits only (no sign, space or exponent), the limit 1..max_page_size."""
    m = _TOKEN.match(token) if isinstance(token, str) else None
    if m is None or int(m[1]) > _MAX_SAFE:
        raise _invalid_token(token)
    if m[2] is None:
        return OffsetToken(int(m[1]), None)
    limit = int(m[2])
    if not 1 <= limit <= max_page_size:
        raise _invalid_token(token)
    return OffsetToken(int(m[1]), limit)


def format_offset_token(token: OffsetToken) -> str:
    """Writes a token: ``offset``, or ``offset:limit`` when the limit is set."""
    return str(token.offset) if token.limit is None else f"{token.offset}:{token.limit}"


@dataclass(frozen=True)
class OffsetSlice(Generic[T]):
    """One offset page as the service answered it: the items, and the total, offset and limit it reported."""

    items: Sequence[T]
    total: Any = None
    offset: Any = None
    limit: Any = None


class OffsetPager(Generic[T]):
    """Offset/limit paging at parity with C#'s ``OffsetPaging`` (internal; shared by the sync and async lists): a page
    starts at the offset asked for; the limit the service reports wins over the one asked, the service's default page
    size stands in when neither was sent nor reported; a page has more while ``offset + items < total``, or with no
    total while a page is full; an empty page always ends the list. A service that ignores the offset (a page whose
    first item began another offset's page) ends the walk with :class:`PagingError`."""

    def __init__(self, *, start_offset: int, page_size: int | None, default_page_size: int, max_page_size: int,
                 argument: str, service: str = "", operation_id: str = "",
                 key: Callable[[T], str | None] | None = None) -> None:
        if page_size is not None:
            guard.in_range(page_size, 1, max_page_size, f"{argument}.page_size")
        guard.in_range(start_offset, 0, _MAX_SAFE, f"{argument}.start_offset")
        self.page_size = page_size
        self.default_page_size = default_page_size
        self.max_page_size = max_page_size
        self.service = service
        self.operation_id = operation_id
        self._key = key
        self._first_items: dict[str, int] = {}
        self.initial_token = None if start_offset == 0 else format_offset_token(OffsetToken(start_offset, None))

    def request(self, token: str | None, page_size: int | None) -> tuple[int, int | None]:
        """The offset and limit to send for a page token and page size."""
        at = OffsetToken(0, None) if token is None else parse_offset_token(token, self.max_page_size)
        if page_size is not None:
            guard.in_range(page_size, 1, self.max_page_size, "page_size")
        return at.offset, at.limit if at.limit is not None else page_size

    def page(self, answered: OffsetSlice[T], offset: int, sent_limit: int | None) -> Page[T]:
        """The page for what the service answered to ``offset``/``sent_limit``."""
        items = tuple(answered.items)
        total, reported_offset, reported_limit = _whole(answered.total), _whole(answered.offset), _whole(answered.limit)
        first = self._key(items[0]) if self._key is not None and items else None
        if reported_offset is not None and reported_offset != offset and first is not None:
            earlier = self._first_items.get(first)
            if earlier is not None and earlier != offset:
                where = f"{self.service} {self.operation_id}: " if self.service else ""
                raise PagingError(
                    f"{where}The service answered offset '{offset}' with the page it answered offset '{earlier}' with "
                    f"(reporting offset {reported_offset}): it ignores the offset; stopping instead of repeating items.",
                    service=self.service, operation_id=self.operation_id)
            _log.warning("%s %s: the service reported offset %s for a page asked at offset %s; using %s",
                         self.service, self.operation_id, reported_offset, offset, offset)
        if first is not None and len(self._first_items) < _REMEMBERED_PAGES and first not in self._first_items:
            self._first_items[first] = offset
        limit = reported_limit if reported_limit is not None and reported_limit > 0 else (
            sent_limit if sent_limit is not None else self.default_page_size)
        count = len(items)
        nxt = offset + count
        # No total: a full page may have a successor, a short one is the last; more than asked means the service
        # ignored the limit (and likely the offset), so asking again would only repeat items.
        has_more = count > 0 and nxt <= _MAX_SAFE and (nxt < total if total is not None else count == limit)
        previous = _previous_token(offset, limit, self.max_page_size)
        return Page(items, format_offset_token(OffsetToken(nxt, None)) if has_more else None,
                    None if previous is None else format_offset_token(previous), has_more)


def _previous_token(offset: int, limit: int, max_page_size: int) -> OffsetToken | None:
    # The page that ends exactly where this one starts; near the start it is shorter than a page.
    if offset == 0:
        return None
    if offset >= limit:
        return OffsetToken(offset - limit, None)
    return OffsetToken(0, offset if offset <= max_page_size else None)


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and abs(value) <= _MAX_SAFE:
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) <= _MAX_SAFE:
        return int(value)
    return None


def _invalid_token(token: object) -> InvalidArgumentError:
    return InvalidArgumentError(
        "continuation_token",
        "'continuation_token' must be a page token from a previous page: an offset, optionally ':' and a page size "
        f"(was '{token}').")
