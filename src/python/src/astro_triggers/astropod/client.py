from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from .._core.auth.credential import AsyncTokenProvider, TokenProvider
from .._core.client_base import AsyncClientBase, SyncClientBase
from .._core.http.clock import Clock
from .._core.retry.retry_options import RetryOptions
from .._core.service_core import AsyncTransport, ClientCore, SyncTransport
from ._plans import AstropodPlans
from .clients import AsyncDeploymentsClient, AsyncIngestionsClient, DeploymentsClient, IngestionsClient

if TYPE_CHECKING:
    from typing_extensions import Self

DEFAULT_BASE_URL = "https://api.astropod.ai"


class AstropodClient(SyncClientBase):
    """Astropod (https://api.astropod.ai; ``Authorization: Bearer <token>``), sync: start a manual ingestion and
    discover what can be started. A 401 asks the ``token_provider`` once for a fresh token and repeats once. The other
    options are :class:`AgentsetClient`'s."""

    def __init__(self, api_key: str | None = None, *, token_provider: TokenProvider | None = None,
                 base_url: str | None = None, retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.Client | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options."""
        core = ClientCore("Astropod", DEFAULT_BASE_URL, None, api_key=api_key, token_provider=token_provider,
                          async_token_provider=None, base_url=base_url, retry=retry, timeout=timeout,
                          max_response_bytes=max_response_bytes, compression=compression,
                          allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
        self._transport = SyncTransport(core, http_client)
        plans = AstropodPlans(core)
        self.deployments = DeploymentsClient(self._transport, plans)
        """Deployments: list, get, list_ingestion_sources."""
        self.ingestions = IngestionsClient(self._transport, plans)
        """Manual ingestions: start."""

    def __enter__(self) -> Self:
        """The client itself."""
        return self


class AsyncAstropodClient(AsyncClientBase):
    """Astropod, async; the same options as :class:`AstropodClient`."""

    def __init__(self, api_key: str | None = None, *, token_provider: AsyncTokenProvider | None = None,
                 base_url: str | None = None, retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.AsyncClient | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options."""
        core = ClientCore("Astropod", DEFAULT_BASE_URL, None, api_key=api_key, token_provider=None,
                          async_token_provider=token_provider, base_url=base_url, retry=retry, timeout=timeout,
                          max_response_bytes=max_response_bytes, compression=compression,
                          allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
        self._transport = AsyncTransport(core, http_client)
        plans = AstropodPlans(core)
        self.deployments = AsyncDeploymentsClient(self._transport, plans)
        """Deployments: list, get, list_ingestion_sources."""
        self.ingestions = AsyncIngestionsClient(self._transport, plans)
        """Manual ingestions: start."""

    async def __aenter__(self) -> Self:
        """The client itself."""
        return self
