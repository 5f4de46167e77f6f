from __future__ import annotations

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
