from __future__ import annotations

from .._core.http.clock import system_clock
from .._core.runs import detached_run
from .._generated.truefoundry import JobRun
from ._plans import snapshot
from .job_runs import AsyncTrueFoundryJobRun, TrueFoundryJobRun

_FACTORY = "TrueFoundryModelFactory"


class TrueFoundryModelFactory:
    """Builds TrueFoundry results for your own unit tests (as C#'s and TypeScript's ``TrueFoundryModelFactory``).
    Models (``JobRun``) are dataclasses you build directly; this covers the run handle."""

    @staticmethod
    def true_foundry_job_run(run: JobRun, application_id: str | None = None,
                             message: str | None = None) -> TrueFoundryJobRun:
        """A run handle over ``run`` in its state, without a client (``id`` is the run's name). For a finished,
        failed or terminated run ``wait_for_completion()`` returns at once (failed and terminated raise, as from a
        client, unless ``raise_on_failure=False``); for any other state, and for ``cancel()``, it raises
        UnsupportedOperationError: no client is behind it. ``application_id`` and ``message`` as a started run
        carries them. Raises InvalidArgumentError when the run's name is blank."""
        run_id = detached_run.run_id(getattr(run, "name", None), "run.name")
        handle = TrueFoundryJobRun("TrueFoundry", run_id, run, snapshot=snapshot, clock=system_clock,
                                   read=detached_run.read("TrueFoundry", _FACTORY, run_id, run, snapshot),
                                   cancel=detached_run.cancel("TrueFoundry", _FACTORY, run_id), can_read=False)
        handle.application_id = application_id
        handle.message = message
        return handle

    @staticmethod
    def async_true_foundry_job_run(run: JobRun, application_id: str | None = None,
                                   message: str | None = None) -> AsyncTrueFoundryJobRun:
        """The async twin of :meth:`true_foundry_job_run`."""
        run_id = detached_run.run_id(getattr(run, "name", None), "run.name")
        handle = AsyncTrueFoundryJobRun("TrueFoundry", run_id, run, snapshot=snapshot, clock=system_clock,
                                        read=detached_run.read_async("TrueFoundry", _FACTORY, run_id, run, snapshot),
                                        cancel=detached_run.cancel_async("TrueFoundry", _FACTORY, run_id),
                                        can_read=False)
        handle.application_id = application_id
        handle.message = message
        return handle
