"""Many runs followed together, sync (:class:`RunGroup`) and async (:class:`AsyncRunGroup`), as .NET's ``RunGroup<TRun>``.
The cycle: read every due run through its scope's list where there is one (run_list_reader.py), on its own otherwise;
then end or reschedule every run a read showed, each on the single-run poll schedule (run_group_core.py)."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, TypeVar

from ..http.delay_limit import delay_limit
from .run_group_core import _TOLERANCE, ProgressCallback, _Cycle, _GroupCore
from .run_list_reader import read_run_list, read_run_list_async
from .run_result import RunResult
from .triggered_run import AsyncTriggeredRun, TriggeredRun

R = TypeVar("R", bound=TriggeredRun[Any])
AR = TypeVar("AR", bound=AsyncTriggeredRun[Any])


class RunGroup(_GroupCore[R]):
    """Many runs of sync clients followed together: ``wait_for_all()``, ``when_each()`` (each result as the run
    ends, in the order they end), ``progress`` (counts per status), ``cancel_all()``. Statuses are read through the
    services' list operations where one exists — an Agentset namespace's job list, a TrueFoundry application's runs, a
    Shipyard fleet's runs CSV, a Mixpeek trigger's execution history — so a cycle costs about one request per page
    instead of one per run; a run no list shows is read on its own. Each run keeps the single-run poll schedule (first
    read one poll interval after it joined, then a tenth of the time followed so far, at most a minute apart), so it is
    noticed within 10% of its length, and its timeout to the letter (no read is scheduled past it; a run still going is
    read once more at its deadline, in that cycle's usual list and single reads, and given up only if that read does not
    see it end). The requests are the clients' own calls: retries and rate-limit pacing apply. A
    run that fails does not fail the group: its :class:`RunResult` carries the error. Times in seconds."""

    def __init__(self, runs: Iterable[R] | None = None, *, poll_interval: float = 1.0, max_poll_interval: float = 60.0,
                 poll_interval_ratio: float = 0.1, backoff_factor: float = 1.0, timeout: float = 3600.0) -> None:
        """Creates a group of ``runs`` (more with :meth:`add`); the schedule's keywords and defaults are
        ``wait_for_completion``'s, per run. Raises :class:`InvalidArgumentError` for a run given twice or an option
        out of its range."""
        super().__init__(runs, poll_interval, max_poll_interval, poll_interval_ratio, backoff_factor, timeout)

    def wait_for_all(self, *, on_progress: ProgressCallback | None = None) -> list[RunResult[R]]:
        """Follows every run until each has ended (or the group stopped following it); returns one result per run in
        the order the runs were added. Failed and cancelled runs do not raise: see :attr:`RunResult.error`.
        ``on_progress`` hears each change of a count or of the oldest run. Raises RuntimeError while another wait of
        this group goes on."""
        for _ in self.when_each(on_progress=on_progress):
            pass
        return [e.result for e in self._entries if e.result is not None]

    def when_each(self, *, on_progress: ProgressCallback | None = None) -> Iterator[RunResult[R]]:
        """Each run's result as the group sees it end, in the order they end: runs that had already ended first, then
        each cycle's (the runs a list showed, in the order they were added, then those read on their own). The next
        cycle starts when the consumer asks for the next result."""
        self._begin()
        try:
            yielded, reported = 0, None
            while True:
                ended, yielded = self._ended_since(yielded)
                reported = self._report(on_progress, reported)
                yield from ended
                wait = self._wait_ms()
                if wait is None:
                    return
                if wait > _TOLERANCE:
                    assert self._clock is not None
                    self._clock.sleep(wait / 1000)
                    continue
                self._cycle()
        finally:
            self._waiting = False

    def cancel_all(self) -> int:
        """Asks the service to stop every run still followed that can be stopped (``can_cancel``: TrueFoundry
        terminate, Mixpeek task kill), one request per run, each followed by one status read. Runs of services without
        a stop call (Agentset, Shipyard) are left running. Returns how many runs were asked; raises an
        ``ExceptionGroup`` of the failed requests (the others were sent)."""
        targets = self._cancel_targets()
        asked, errors = 0, []
        for run in targets:
            try:
                run.cancel()
                asked += 1
            except Exception as error:  # noqa: BLE001 - gathered and raised together below
                errors.append(error)
        if errors:
            raise ExceptionGroup(f"{len(errors)} of {len(targets)} cancel requests failed; the other {asked} were sent.",
                                 errors)
        return asked

    def _cycle(self) -> None:
        groups, followed = self._plan()
        cycle: _Cycle[R] = _Cycle()
        for key, due in groups:
            if key is None:
                cycle.singles.extend(due)
                continue
            scope = followed[key]
            try:
                with delay_limit(self._time_left(scope)):
                    requests, shown = read_run_list([e.run for e in due], [e.run for e in scope])
                cycle.listed(due, scope, requests, shown)
            except Exception as error:  # noqa: BLE001 - a list that cannot be read falls back to single reads
                cycle.list_failed(due, error)
        for entry in cycle.singles:
            try:
                with delay_limit(self._time_left([entry])):
                    entry.run.update_status()
                cycle.read(entry)
            except Exception as error:  # noqa: BLE001 - ends this run only
                cycle.read_failed(entry, error)
        self._finish(cycle)


class AsyncRunGroup(_GroupCore[AR]):
    """The async :class:`RunGroup`: ``await group.wait_for_all()``, ``async for result in group.when_each()``,
    ``await group.cancel_all()``. Cancel the awaiting task to stop waiting (the runs go on; results seen so far stay in
    the group, and a later wait goes on from there)."""

    def __init__(self, runs: Iterable[AR] | None = None, *, poll_interval: float = 1.0,
                 max_poll_interval: float = 60.0, poll_interval_ratio: float = 0.1, backoff_factor: float = 1.0,
                 timeout: float = 3600.0) -> None:
        """See :class:`RunGroup`."""
        super().__init__(runs, poll_interval, max_poll_interval, poll_interval_ratio, backoff_factor, timeout)

    async def wait_for_all(self, *, on_progress: ProgressCallback | None = None) -> list[RunResult[AR]]:
        """See :meth:`RunGroup.wait_for_all`."""
        async for _ in self.when_each(on_progress=on_progress):
            pass
        return [e.result for e in self._entries if e.result is not None]

    async def when_each(self, *, on_progress: ProgressCallback | None = None) -> AsyncIterator[RunResult[AR]]:
        """See :meth:`RunGroup.when_each`."""
        self._begin()
        try:
            yielded, reported = 0, None
            while True:
                ended, yielded = self._ended_since(yielded)
                reported = self._report(on_progress, reported)
                for result in ended:
                    yield result
                wait = self._wait_ms()
                if wait is None:
                    return
                if wait > _TOLERANCE:
                    await self._sleep(wait / 1000)
                    continue
                await self._cycle()
        finally:
            self._waiting = False

    async def cancel_all(self) -> int:
        """See :meth:`RunGroup.cancel_all`."""
        targets = self._cancel_targets()
        asked, errors = 0, []
        for run in targets:
            try:
                await run.cancel()
                asked += 1
            except Exception as error:  # noqa: BLE001 - gathered and raised together below
                errors.append(error)
        if errors:
            raise ExceptionGroup(f"{len(errors)} of {len(targets)} cancel requests failed; the other {asked} were sent.",
                                 errors)
        return asked

    async def _sleep(self, seconds: float) -> None:
        assert self._clock is not None
        woken = asyncio.Event()
        sleeper = asyncio.ensure_future(self._clock.sleep_async(seconds))
        waker = asyncio.ensure_future(woken.wait())
        self._wake = woken.set
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._wake = None
            sleeper.cancel()
            waker.cancel()

    async def _cycle(self) -> None:
        groups, followed = self._plan()
        cycle: _Cycle[AR] = _Cycle()
        for key, due in groups:
            if key is None:
                cycle.singles.extend(due)
                continue
            scope = followed[key]
            try:
                with delay_limit(self._time_left(scope)):
                    requests, shown = await read_run_list_async([e.run for e in due], [e.run for e in scope])
                cycle.listed(due, scope, requests, shown)
            except Exception as error:  # noqa: BLE001 - a list that cannot be read falls back to single reads
                cycle.list_failed(due, error)
        for entry in cycle.singles:
            try:
                with delay_limit(self._time_left([entry])):
                    await entry.run.update_status()
                cycle.read(entry)
            except Exception as error:  # noqa: BLE001 - ends this run only
                cycle.read_failed(entry, error)
        self._finish(cycle)
