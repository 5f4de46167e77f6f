"""Astropod's operations as plans (internal), shared by the sync and async clients."""
from __future__ import annotations

from .._core import guard
from .._core.http.call_settings import Answer
from .._core.list_reading import read_items
from .._core.plan import Plan, read_json, read_model, unreadable
from .._core.runs.wire_run_id import wire_optional_name
from .._core.service_core import ClientCore
from .._generated import astropod as wire
from .models import IngestionSource, IngestionTrigger

OPS = wire.OPERATIONS
_PREFIX = "ingestion-"


class AstropodPlans:
    """Builds Astropod's plans for one client (internal)."""

    def __init__(self, core: ClientCore) -> None:
        self.core = core

    def start(self, deployment_namespace: str, ingestion: str, account: str) -> Plan[IngestionTrigger]:
        """Starts a manual ingestion (not idempotent)."""
        guard.path_segment(deployment_namespace, "deployment_namespace")
        guard.path_segment(ingestion, "ingestion")
        guard.not_blank(account, "account")
        op = OPS["triggerIngestion"]

        def parse(answer: Answer) -> IngestionTrigger:
            data = read_json(op, answer)
            if not isinstance(data, dict):
                raise unreadable(op, answer.status, "is not a trigger result")
            return IngestionTrigger(_text(data.get("status")), wire_optional_name(data.get("job_name")),
                                    _text(data.get("namespace")), ingestion)
        return Plan(op, self.core.request(op, {"namespace": deployment_namespace, "ingestion": ingestion},
                                          {"account": account}, None, {}), parse)

    def list(self, account: str) -> Plan[list[wire.DeploymentSummary]]:
        """An account's deployments."""
        guard.not_blank(account, "account")
        op = OPS["listDeployments"]
        return Plan(op, self.core.request(op, None, {"account": account}),
                    lambda a: read_items(op, a, "deployments", wire.DeploymentSummary.from_json,
                                         "a deployment list")[0])

    def get(self, deployment_id: str) -> Plan[wire.DeploymentDetails]:
        """One deployment with its workloads."""
        guard.path_segment(deployment_id, "deployment_id")
        op = OPS["getDeployment"]
        return Plan(op, self.core.request(op, {"deploymentId": deployment_id}),
                    lambda a: read_model(op, a, wire.DeploymentEnvelope.from_json, "a deployment").deployment)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def sources(deployment: wire.DeploymentDetails) -> list[IngestionSource]:
    """The workloads whose component is ``ingestion-<name>`` (prefix stripped)."""
    return [IngestionSource(w.component[len(_PREFIX):], w.component, w.name, w.schedule)
            for w in deployment.workloads or []
            if isinstance(w.component, str) and w.component.startswith(_PREFIX) and len(w.component) > len(_PREFIX)]
