from __future__ import annotations

from typing import Any, Generic, TypeVar

from .run_status import RunStatus
from .triggered_run import RunHandle

R = TypeVar("R", bound=RunHandle[Any])


class RunResult(Generic[R]):
    """How one run of a :class:`RunGroup` ended for the group (as .NET's ``RunResult<TRun>``): the run in its final
    observed state and, unless it succeeded, why not: the error a single ``wait_for_completion()`` would have raised
    for it (:class:`RunFailedError`, :class:`RunCancelledError`, :class:`RunWaitTimeoutError`, or a status read's
    error — the group then stopped following it). A group never raises one run's failure at the caller of the wait.

    Attributes:
        run: The run, in its final observed state.
        error: Why the run did not succeed; None when it did.
        noticed_at: When the group saw the run end (or stopped following it), Unix seconds on the group's clock.
    """

    def __init__(self, run: R, error: Exception | None, noticed_at: float) -> None:
        """The group makes them; public for tests of code that consumes a group."""
        self.run = run
        self.error = error
        self.noticed_at = noticed_at

    @property
    def status(self) -> RunStatus:
        """The run's common status as last observed (a non-terminal one when the group stopped following it)."""
        return self.run.status

    @property
    def succeeded(self) -> bool:
        """True when the run ended succeeded (then ``error`` is None)."""
        return self.error is None

    def get_run_or_raise(self) -> R:
        """The run when it succeeded; otherwise raises ``error``, as a single wait would have."""
        if self.error is not None:
            raise self.error
        return self.run

    def __repr__(self) -> str:
        """``<RunResult run — ErrorType: message>``."""
        return f"<RunResult {self}>"

    def __str__(self) -> str:
        """The run, and the error's type and message when it did not succeed."""
        if self.error is None:
            return str(self.run)
        return f"{self.run} — {type(self.error).__name__}: {self.error}"
