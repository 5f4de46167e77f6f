from __future__ import annotations

from .._core import guard
from .._core.options import RequestOptions
from .._core.paging.pageable import AsyncPageable, Pageable
from .._core.paging.single_page import async_single_page, single_page
from .._core.service_core import AsyncTransport, SyncTransport
from .._generated.astropod import DeploymentDetails, DeploymentSummary
from ._plans import AstropodPlans, sources
from .models import IngestionSource, IngestionTrigger


class DeploymentsClient:
    """Astropod deployments: list an account's, get one with its workloads, list its ingestion sources (what
    ``ingestions.start`` can start). Each list is answered in one piece: one page."""

    def __init__(self, transport: SyncTransport, plans: AstropodPlans) -> None:
        """Built by :class:`AstropodClient`."""
        self._t = transport
        self._plans = plans

    def list(self, account: str, *, request_options: RequestOptions | None = None) -> Pageable[DeploymentSummary]:
        """The account's deployments (``GET /api/v1/deployments?account=``). Raises InvalidArgumentError (blank
        account) before sending; ForbiddenError for an account the token cannot see."""
        plan = self._plans.list(account)

        def fetch() -> list[DeploymentSummary]:
            return self._t.call(plan, request_options)
        return single_page(fetch)

    def get(self, deployment_id: str, *, request_options: RequestOptions | None = None) -> DeploymentDetails:
        """One deployment with its workloads."""
        return self._t.call(self._plans.get(deployment_id), request_options)

    def list_ingestion_sources(self, deployment_id: str, *,
                               request_options: RequestOptions | None = None) -> Pageable[IngestionSource]:
        """The ingestion sources of a deployment (workloads ``ingestion-<name>``), read from ``get``."""
        guard.path_segment(deployment_id, "deployment_id")
        return single_page(lambda: sources(self.get(deployment_id, request_options=request_options)))


class IngestionsClient:
    """Astropod manual ingestions: ``start`` one. Astropod has no status endpoint for it, so ``start`` returns the
    trigger's result (``has_status_source`` False), not a run handle."""

    def __init__(self, transport: SyncTransport, plans: AstropodPlans) -> None:
        """Built by :class:`AstropodClient`."""
        self._t = transport
        self._plans = plans

    def start(self, deployment_namespace: str, ingestion: str, account: str, *,
              request_options: RequestOptions | None = None) -> IngestionTrigger:
        """Starts a manual ingestion (``POST …/ingestion/{ingestion}/trigger?account=``, body ``{}``). Not idempotent.
        Raises InvalidArgumentError; BadRequestError (a scheduled source); PaymentRequiredError (billing suspended,
        with ``suggested_action``); the call's errors."""
        return self._t.call(self._plans.start(deployment_namespace, ingestion, account), request_options)


class AsyncDeploymentsClient:
    """The async :class:`DeploymentsClient`."""

    def __init__(self, transport: AsyncTransport, plans: AstropodPlans) -> None:
        """Built by :class:`AsyncAstropodClient`."""
        self._t = transport
        self._plans = plans

    def list(self, account: str, *, request_options: RequestOptions | None = None) -> AsyncPageable[DeploymentSummary]:
        """See :meth:`DeploymentsClient.list`."""
        plan = self._plans.list(account)

        async def fetch() -> list[DeploymentSummary]:
            return await self._t.call(plan, request_options)
        return async_single_page(fetch)

    async def get(self, deployment_id: str, *, request_options: RequestOptions | None = None) -> DeploymentDetails:
        """See :meth:`DeploymentsClient.get`."""
        return await self._t.call(self._plans.get(deployment_id), request_options)

    def list_ingestion_sources(self, deployment_id: str, *,
                               request_options: RequestOptions | None = None) -> AsyncPageable[IngestionSource]:
        """See :meth:`DeploymentsClient.list_ingestion_sources`."""
        guard.path_segment(deployment_id, "deployment_id")

        async def fetch() -> list[IngestionSource]:
            return sources(await self.get(deployment_id, request_options=request_options))
        return async_single_page(fetch)


class AsyncIngestionsClient:
    """The async :class:`IngestionsClient`."""

    def __init__(self, transport: AsyncTransport, plans: AstropodPlans) -> None:
        """Built by :class:`AsyncAstropodClient`."""
        self._t = transport
        self._plans = plans

    async def start(self, deployment_namespace: str, ingestion: str, account: str, *,
                    request_options: RequestOptions | None = None) -> IngestionTrigger:
        """See :meth:`IngestionsClient.start`."""
        return await self._t.call(self._plans.start(deployment_namespace, ingestion, account), request_options)
