"""TrueFoundry: job runs (start, track, get, list, cancel, delete)."""
from .._generated.truefoundry import (
    JobRun, JobRunInput, JobRunSortBy, JobRunStatus, JobRunTermination, TriggerJobRequest,
)
from ._status import map_job_run_status
from .client import AsyncTrueFoundryClient, TrueFoundryClient
from .job_runs import AsyncJobRunsClient, AsyncTrueFoundryJobRun, JobRunsClient, TrueFoundryJobRun
from .model_factory import TrueFoundryModelFactory

__all__ = ["TrueFoundryModelFactory", "TrueFoundryClient", "AsyncTrueFoundryClient", "JobRunsClient", "AsyncJobRunsClient", "TrueFoundryJobRun",
           "AsyncTrueFoundryJobRun", "map_job_run_status", "JobRun", "JobRunInput", "JobRunTermination",
           "TriggerJobRequest", "JobRunStatus", "JobRunSortBy"]
