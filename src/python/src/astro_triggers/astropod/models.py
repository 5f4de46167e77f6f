from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class IngestionSource:
    """A manually triggerable ingestion of a deployment (a workload component ``ingestion-<name>``).

    Attributes:
        name: The name to start, without the ``ingestion-`` prefix (``docs_sync``).
        component: The component (``ingestion-docs_sync``).
        workload_name: The workload name.
        schedule: Its cron schedule, when it runs on one (Astropod refuses to start such a source).
    """

    name: str
    component: str
    workload_name: str | None
    schedule: str | None


@dataclass(frozen=True)
class IngestionTrigger:
    """The outcome of ``ingestions.start``. Astropod has no status endpoint for a triggered ingestion, so this is not a
    run handle: ``has_status_source`` is False and there is no ``wait_for_completion``.

    Attributes:
        status: The service's word for the outcome (``triggered``).
        job_name: The Kubernetes job that runs the ingestion.
        namespace: The namespace the job runs in.
        ingestion: The ingestion that was started.
        has_status_source: Always False.
    """

    status: str | None
    job_name: str | None
    namespace: str | None
    ingestion: str
    has_status_source: Literal[False] = False
