from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from ..errors.client_errors import InvalidArgumentError
from .page import Page
from .pageable import AsyncPageable, Pageable

T = TypeVar("T")


def _refuse(token: str | None) -> None:
    if token is not None:
        raise InvalidArgumentError("continuation_token", "This list is answered in one piece and has no continuation token.")


def single_page(fetch: Callable[[], "Sequence[T] | list[T]"]) -> Pageable[T]:
    """A list the service answers in one piece (Astropod deployments, Shipyard's CSV): one page, no tokens."""
    def page(token: str | None, _size: int | None) -> Page[T]:
        _refuse(token)
        return Page(tuple(fetch()), None, None, False)
    return Pageable(page)


def async_single_page(fetch: Callable[[], Awaitable[Sequence[T]]]) -> AsyncPageable[T]:
    """The async twin of :func:`single_page`."""
    async def page(token: str | None, _size: int | None) -> Page[T]:
        _refuse(token)
        return Page(tuple(await fetch()), None, None, False)
    return AsyncPageable(page)
