from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Generic, TypeVar

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
        return list(self)


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
        return [item async for item in self]
