"""How a run group reads many handles' statuses through their service's list (as .NET's ``RunListReader``): the
sub-client that made a handle attaches a :class:`RunListSpec` to it; runs with the same ``owner`` and ``scope`` are
read by one list read per cycle, page by page, until every due run was shown or later pages cannot show the rest."""
from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from .triggered_run import RunHandle

#: Items per page a run group's list read asks for.
LIST_PAGE_SIZE = 100

R = TypeVar("R", bound=RunHandle[Any])


@dataclass(frozen=True)
class RunListSpec:
    """One handle's list reading (internal).

    Attributes:
        owner: The sub-client: runs of different clients are never read through one list.
        scope: What one list read covers (namespace and tenant, application, fleet, trigger and namespace).
        list: The scope's list (a ``Pageable`` for a sync handle, an ``AsyncPageable`` for an async one), newest first
            where the service sorts.
        id_of: The run id an item names.
        apply: Updates the run from its item; False when the item only says the run changed (a read of its own
            fetches it).
        created_at: Creation time (epoch seconds) of an item and of a run's value, for a newest-first list.
        complete: One read holds every run of the scope (Shipyard's CSV).
        case_insensitive: Ids compare case-insensitively (Shipyard).
    """

    owner: object
    scope: Hashable
    list: Callable[[], Any]
    id_of: Callable[[Any], Any]
    apply: Callable[[Any, Any], bool]
    created_at: tuple[Callable[[Any], float | None], Callable[[Any], float | None]] | None = None
    complete: bool = False
    case_insensitive: bool = False


def with_list_reading(run: R, spec: RunListSpec) -> R:
    """Attaches a handle's list reading (internal)."""
    run._list_spec = spec
    return run


def list_spec_of(run: RunHandle[Any]) -> RunListSpec | None:
    """The handle's list reading; None when no list shows it (it is read on its own)."""
    spec = run._list_spec
    return spec if isinstance(spec, RunListSpec) else None


def observe_from_list(run: RunHandle[Any], item: Any) -> bool:
    """Sets a handle's value from a list row of the same type (Agentset jobs, TrueFoundry runs, Shipyard rows)."""
    run._set(item)
    return True


def epoch_seconds(value: Any) -> float | None:
    """A wire time (a datetime, or Unix milliseconds) as epoch seconds; None when absent."""
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) / 1000
    return None


class ListRead:
    """One list read's matching: feed it each page (``page``), then ``finish``. Shared by the sync and async reads."""

    def __init__(self, due: Sequence[RunHandle[Any]], followed: Sequence[RunHandle[Any]]) -> None:
        spec = list_spec_of(due[0])
        assert spec is not None
        self.spec = spec
        self._due = due
        self._by_id = {self._key(run.id): run for run in followed}
        self._waiting = {self._key(run.id) for run in due}
        self._bound = math.ceil(len(followed) / LIST_PAGE_SIZE)
        self.requests = 0
        self.shown: set[RunHandle[Any]] = set()

    @property
    def page_size(self) -> int | None:
        return None if self.spec.complete else LIST_PAGE_SIZE

    def _key(self, run_id: str) -> str:
        return run_id.lower() if self.spec.case_insensitive else run_id

    def page(self, items: Sequence[Any]) -> bool:
        """Takes one page; True when no later page is needed."""
        self.requests += 1
        for item in items:
            run_id: str | None = self.spec.id_of(item)
            run = None if run_id is None else self._by_id.get(self._key(run_id))
            if run is None or run_id is None:
                continue
            if self.spec.apply(run, item):
                self.shown.add(run)
            self._waiting.discard(self._key(run_id))
        if not self._waiting or not items:
            return True
        return self._cannot_show(items[-1])

    def _cannot_show(self, last: Any) -> bool:
        created = self.spec.created_at
        if created is None:
            return self.requests > self._bound
        oldest: float | None = None
        for run_id in self._waiting:
            at = created[1](self._by_id[run_id].value)
            if at is None:
                return self.requests > self._bound
            oldest = at if oldest is None or at < oldest else oldest
        last_at = created[0](last)
        return last_at is not None and oldest is not None and last_at < oldest

    def finish(self) -> tuple[int, set[RunHandle[Any]]]:
        if self.spec.complete:
            self.shown.update(self._due)
        return self.requests, self.shown


def read_run_list(due: Sequence[RunHandle[Any]], followed: Sequence[RunHandle[Any]]) -> tuple[int, set[RunHandle[Any]]]:
    """Reads one scope's list (sync handles): the requests sent and the runs it showed."""
    read = ListRead(due, followed)
    for page in read.spec.list().by_page(page_size=read.page_size):
        if read.page(page.items):
            break
    return read.finish()


async def read_run_list_async(due: Sequence[RunHandle[Any]],
                              followed: Sequence[RunHandle[Any]]) -> tuple[int, set[RunHandle[Any]]]:
    """Reads one scope's list (async handles): the requests sent and the runs it showed."""
    read = ListRead(due, followed)
    async for page in read.spec.list().by_page(page_size=read.page_size):
        if read.page(page.items):
            break
    return read.finish()
