from __future__ import annotations

from .._core.http.clock import system_clock
from .._core.runs import detached_run
from .._generated.agentset import IngestJob
from ._plans import cannot_cancel, snapshot
from .ingest_jobs import AsyncIngestJobRun, IngestJobRun

_FACTORY = "AgentsetModelFactory"


class AgentsetModelFactory:
    """Builds Agentset results for your own unit tests (as C#'s and TypeScript's ``AgentsetModelFactory``), e.g. what
    a mocked ``IngestJobsClient`` returns. Models are dataclasses you build directly; this covers what only the SDK
    can build: the run handle."""

    @staticmethod
    def ingest_job_run(job: IngestJob) -> IngestJobRun:
        """A run handle over ``job`` in its state, without a client (``id`` is the job's). For a completed, failed or
        cancelled job ``wait_for_completion()`` returns at once (failed and cancelled raise RunFailedError /
        RunCancelledError, as from a client, unless ``raise_on_failure=False``); for any other state it raises
        UnsupportedOperationError, as ``cancel()`` always does (Agentset has no stop call either). Raises
        InvalidArgumentError when the job's id is blank."""
        run_id = detached_run.run_id(getattr(job, "id", None), "job.id")
        return IngestJobRun("Agentset", run_id, job, read=detached_run.read("Agentset", _FACTORY, run_id, job, snapshot),
                            snapshot=snapshot, clock=system_clock, cannot_cancel=cannot_cancel(run_id))

    @staticmethod
    def async_ingest_job_run(job: IngestJob) -> AsyncIngestJobRun:
        """The async twin of :meth:`ingest_job_run`."""
        run_id = detached_run.run_id(getattr(job, "id", None), "job.id")
        return AsyncIngestJobRun("Agentset", run_id, job,
                                 read=detached_run.read_async("Agentset", _FACTORY, run_id, job, snapshot),
                                 snapshot=snapshot, clock=system_clock, cannot_cancel=cannot_cancel(run_id))
