from __future__ import annotations

from .page import Page
from ..errors.client_errors import PagingError


class CursorWalk:
    """The rule every page walk follows (internal), shared by the sync and async lists: stop on the last page, fail
    on a page that says more follow without a token, and on a token seen before (a service repeating a cursor would
    otherwise loop forever)."""

    __slots__ = ("token", "_seen", "_service", "_operation_id")

    def __init__(self, token: str | None, service: str, operation_id: str) -> None:
        self.token = token
        self._seen: set[str] = set() if token is None else {token}
        self._service = service
        self._operation_id = operation_id

    def advance(self, page: Page[object]) -> bool:
        """After a page: True to fetch the next (``self.token``), False when the list has ended."""
        if not page.has_more:
            return False
        token = page.continuation_token
        where = f"{self._service} {self._operation_id}: " if self._service else ""
        if token is None or token == "":
            raise PagingError(f"{where}The service said more items follow but gave no cursor to fetch them.",
                              service=self._service, operation_id=self._operation_id)
        if token in self._seen:
            raise PagingError(f"{where}The service returned cursor '{token}' a second time; stopping instead of looping.",
                              service=self._service, operation_id=self._operation_id)
        self._seen.add(token)
        self.token = token
        return True
