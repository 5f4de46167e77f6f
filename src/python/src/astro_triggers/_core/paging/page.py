from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, with the tokens to resume from.

    Attributes:
        items: The items of this page, in the service's order.
        continuation_token: Token of the next page (pass it to ``by_page(continuation_token=...)`` to resume later);
            None on the last page.
        previous_token: Token of the previous page, when the service gives one (Agentset's ``prevCursor``; the
            previous offset).
        has_more: Whether more items follow.
    """

    items: tuple[T, ...]
    continuation_token: str | None
    previous_token: str | None
    has_more: bool

    @classmethod
    def from_values(cls, values: Iterable[T], *, continuation_token: str | None = None,
                    previous_token: str | None = None, has_more: bool | None = None) -> Page[T]:
        """A page shaped like one a service list returns, for your own tests (e.g. with
        :meth:`Pageable.from_pages` as what a mocked ``list`` returns).

        Args:
            values: The items of the page (copied).
            continuation_token: Token of the next page; default none (the last page).
            previous_token: Token of the page before; default none.
            has_more: Default: whether a continuation token was given.
        """
        return cls(tuple(values), continuation_token, previous_token,
                   continuation_token is not None if has_more is None else has_more)
