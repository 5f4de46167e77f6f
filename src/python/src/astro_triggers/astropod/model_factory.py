from __future__ import annotations

from .._core import guard
from .models import IngestionTrigger


class AstropodModelFactory:
    """Builds Astropod results for your own unit tests (as C#'s and TypeScript's ``AstropodModelFactory``)."""

    @staticmethod
    def ingestion_trigger(ingestion: str, *, status: str | None = "triggered", job_name: str | None = None,
                          namespace: str | None = None) -> IngestionTrigger:
        """What Astropod answers to a manual ingestion trigger: ``status`` the service's word (default
        ``"triggered"``), ``job_name`` and ``namespace`` the Kubernetes job and its namespace (default none). Raises
        InvalidArgumentError when ``ingestion`` is blank."""
        return IngestionTrigger(status, job_name, namespace, guard.not_blank(ingestion, "ingestion"))
