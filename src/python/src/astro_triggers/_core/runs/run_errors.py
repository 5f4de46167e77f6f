from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors.astro_triggers_error import AstroTriggersError
from ..security.redactor import redact_text

if TYPE_CHECKING:
    from .triggered_run import RunHandle


class RunFailedError(AstroTriggersError):
    """A run ended ``failed`` or ``cancelled`` while ``wait_for_completion`` waited (with ``raise_on_failure``, the
    default); a cancelled run is raised as the subclass :class:`RunCancelledError`. ``may_have_been_processed`` is
    true (the run was started and ran), ``status`` 0.

    Attributes:
        run: The run handle in its final state.
        final_status: ``failed`` or ``cancelled``.
        raw_status: The service's own final status word.
        service_error: The service's error text, when it gave one (bearer tokens masked).
    """

    def __init__(self, run: RunHandle[Any]) -> None:
        """``run`` in its final (failed or cancelled) state."""
        text = run.error_message
        service_error = redact_text(text) if isinstance(text, str) else None
        what = "was cancelled" if run.status == "cancelled" else f"ended {run.status}"
        super().__init__(
            f"{run.service} run '{run.id}' {what} (service status '{run.raw_status or ''}')"
            + (f": {service_error}" if service_error else "."),
            service=run.service, service_message=service_error, may_have_been_processed=True)
        self.run = run
        self.final_status = run.status
        self.raw_status = run.raw_status
        self.service_error = service_error


class RunCancelledError(RunFailedError):
    """A run the SDK waited on ended ``cancelled`` (by ``cancel()``, someone else, or the service). A
    :class:`RunFailedError`, so code catching that catches this; catch this first to tell a cancellation apart."""


class RunWaitTimeoutError(AstroTriggersError):
    """``wait_for_completion`` ran out of its ``timeout``; the run itself was not stopped.

    Attributes:
        run: The handle with the last status seen (keep waiting on it, or cancel it).
        timeout: The wait's timeout in seconds.
        polls: How many status reads were made.
    """

    def __init__(self, run: RunHandle[Any], timeout: float, polls: int) -> None:
        """``timeout`` in seconds; ``polls`` the status reads made."""
        super().__init__(
            f"{run.service} run '{run.id}' was still {run.status} (service status '{run.raw_status or ''}') after "
            f"{timeout:g} s and {polls} status read{'' if polls == 1 else 's'}; it was not stopped.",
            service=run.service, may_have_been_processed=True)
        self.run = run
        self.timeout = timeout
        self.polls = polls
