from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import Generic, TypeVar

from ..errors.client_errors import InvalidArgumentError
from .cursor_walk import CursorWalk
from .page import Page

T = TypeVar("T")

PageFetcher = Callable[[str | None, int | None], Page[T]]
AsyncPageFetcher = Callable[[str | None, int | None], Awaitable[Page[T]]]


class Pageable(Generic[T]):
    """A lazily fetched list: ``for item in pageable`` walks every item, fetching one page at a time (constant memory
    however many pages); ``pageable.by_page(continuation_token=..., page_size=...)`` walks pages and exposes the
    tokens to persist and resume from. A service that repeats a cursor, or says more items follow without one, ends
    the walk with :class:`PagingError` instead of looping. Nothing is sent until the walk starts."""

    def __init__(self, fetch: PageFetcher[T], initial_token: str | None = None, page_size: int | None = None,
                 service: str = "", operation_id: str = "") -> None:
        """Built by the clients' list operations."""
        self._fetch = fetch
        self._initial_token = initial_token
        self._page_size = page_size
        self._service = service
        self._operation_id = operation_id

    def by_page(self, continuation_token: str | None = None, page_size: int | None = None) -> Iterator[Page[T]]:
        """Walks the pages from ``continuation_token`` (default: the list's start) with ``page_size`` items per page
        (default: the list's own, or the service's). Raises the call's errors and :class:`PagingError`."""
        walk = CursorWalk(continuation_token if continuation_token is not None else self._initial_token,
                          self._service, self._operation_id)
        size = page_size if page_size is not None else self._page_size
        while True:
            page = self._fetch(walk.token, size)
            yield page
            if not walk.advance(page):  # type: ignore[arg-type]
                return

    def __iter__(self) -> Iterator[T]:
        """Every item of every page, fetched lazily."""
        for page in self.by_page():
            yield from page.items

    def to_list(self) -> list[T]:
        """Every item in a list (for small lists; iterate large ones)."""
        # A page at a time, not an item at a time through __iter__'s generator: the same walk.
        items: list[T] = []
        for page in self.by_page():
            items.extend(page.items)
        return items

    @staticmethod
    def from_pages(pages: Iterable[Page[T]]) -> Pageable[T]:
        """A pageable over pages held in memory, for your own tests (what a mocked ``list`` returns): ``for item in``
        walks their items, ``by_page()`` the pages; ``by_page(continuation_token=...)`` resumes after the page whose
        ``continuation_token`` it is. ``pages`` e.g. from :meth:`Page.from_values`; none for an empty list.

        Raises:
            InvalidArgumentError: a page is missing (None), naming ``pages``; later, from ``by_page``, a token that is
                no page's, naming ``continuation_token``.
        """
        return _StaticPageable(_checked_pages(pages))


class AsyncPageable(Generic[T]):
    """The async twin of :class:`Pageable`: ``async for item in pageable`` and
    ``async for page in pageable.by_page(continuation_token=..., page_size=...)``."""

    def __init__(self, fetch: AsyncPageFetcher[T], initial_token: str | None = None, page_size: int | None = None,
                 service: str = "", operation_id: str = "") -> None:
        """Built by the clients' list operations."""
        self._fetch = fetch
        self._initial_token = initial_token
        self._page_size = page_size
        self._service = service
        self._operation_id = operation_id

    async def by_page(self, continuation_token: str | None = None,
                      page_size: int | None = None) -> AsyncIterator[Page[T]]:
        """Walks the pages from ``continuation_token`` (default: the list's start). Raises the call's errors and
        :class:`PagingError`."""
        walk = CursorWalk(continuation_token if continuation_token is not None else self._initial_token,
                          self._service, self._operation_id)
        size = page_size if page_size is not None else self._page_size
        while True:
            page = await self._fetch(walk.token, size)
            yield page
            if not walk.advance(page):  # type: ignore[arg-type]
                return

    async def __aiter__(self) -> AsyncIterator[T]:
        """Every item of every page, fetched lazily."""
        async for page in self.by_page():
            for item in page.items:
                yield item

    async def to_list(self) -> list[T]:
        """Every item in a list (for small lists; iterate large ones)."""
        items: list[T] = []
        async for page in self.by_page():
            items.extend(page.items)
        return items

    @staticmethod
    def from_pages(pages: Iterable[Page[T]]) -> AsyncPageable[T]:
        """The async twin of :meth:`Pageable.from_pages`: ``async for`` over pages held in memory, each handed over
        after yielding to the event loop, as from a service."""
        return _StaticAsyncPageable(_checked_pages(pages))


def _checked_pages(pages: Iterable[Page[T]]) -> tuple[Page[T], ...]:
    held = tuple(pages)
    for i, page in enumerate(held):
        if page is None:
            raise InvalidArgumentError("pages", f"Page {i} is missing; give an empty page (Page.from_values([])) "
                                                "instead.")
    return held


def _start(pages: tuple[Page[T], ...], continuation_token: str | None) -> int:
    if continuation_token is None:
        return 0
    for i, page in enumerate(pages):
        if page.continuation_token == continuation_token:
            return i + 1
    raise InvalidArgumentError("continuation_token", "'continuation_token' must be the continuation_token of one of "
                                                     f"the pages given to from_pages (was '{continuation_token}').")


def _unreachable_sync(token: str | None, size: int | None) -> Page[T]:
    raise AssertionError("a pageable from pages fetches nothing")


async def _unreachable_async(token: str | None, size: int | None) -> Page[T]:
    raise AssertionError("a pageable from pages fetches nothing")


class _StaticPageable(Pageable[T]):
    """The pageable behind :meth:`Pageable.from_pages` (C#: StaticPageable)."""

    def __init__(self, pages: tuple[Page[T], ...]) -> None:
        super().__init__(_unreachable_sync)
        self._pages = pages

    def by_page(self, continuation_token: str | None = None, page_size: int | None = None) -> Iterator[Page[T]]:
        """The pages given, from the one after ``continuation_token``'s page; ``page_size`` is ignored."""
        start = _start(self._pages, continuation_token)
        return iter(self._pages[start:])


class _StaticAsyncPageable(AsyncPageable[T]):
    """The pageable behind :meth:`AsyncPageable.from_pages`."""

    def __init__(self, pages: tuple[Page[T], ...]) -> None:
        super().__init__(_unreachable_async)
        self._pages = pages

    async def by_page(self, continuation_token: str | None = None,
                      page_size: int | None = None) -> AsyncIterator[Page[T]]:
        """The pages given, from the one after ``continuation_token``'s page; ``page_size`` is ignored."""
        start = _start(self._pages, continuation_token)
        for page in self._pages[start:]:
            await asyncio.sleep(0)
            yield page
