from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import httpx

from .._core.auth.credential import AsyncTokenProvider, TokenProvider
from .._core.client_base import AsyncClientBase, SyncClientBase
from .._core.http.clock import Clock
from .._core.retry.retry_options import RetryOptions
from .._core.runs.run_status import RunStatus
from .._core.service_core import AsyncTransport, ClientCore, SyncTransport
from .._core.options import RequestOptions
from .._core.runs.resume_token import resume_token_for
from ._plans import ShipyardPlans
from .fleet_runs import AsyncFleetRunsClient, AsyncShipyardFleetRun, FleetRunsClient, ShipyardFleetRun

if TYPE_CHECKING:
    from typing_extensions import Self

DEFAULT_BASE_URL = "https://api.app.shipyardapp.com"


class ShipyardClient(SyncClientBase):
    """Shipyard (https://api.app.shipyardapp.com; ``X-Shipyard-API-Key``), sync: start a fleet run with per-vessel
    environment overrides, follow it through the fleet-runs CSV. ``status_mapping``: extra status words → common
    status over the defaults (case-insensitive). The other options are :class:`AgentsetClient`'s."""

    def __init__(self, api_key: str | None = None, *, token_provider: TokenProvider | None = None,
                 base_url: str | None = None, status_mapping: Mapping[str, RunStatus] | None = None,
                 retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.Client | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options."""
        core = ClientCore("Shipyard", DEFAULT_BASE_URL, "x-shipyard-api-key", api_key=api_key,
                          token_provider=token_provider, async_token_provider=None, base_url=base_url, retry=retry,
                          timeout=timeout, max_response_bytes=max_response_bytes, compression=compression,
                          allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
        self._transport = SyncTransport(core, http_client)
        self.fleet_runs = FleetRunsClient(self._transport, ShipyardPlans(core), status_mapping)
        """Fleet runs: start, track, get, list."""

    def resume_run(self, token: str, *, request_options: RequestOptions | None = None) -> ShipyardFleetRun:
        """Resumes a run from its resume token (``run.resume_token``, written by this or any other language's SDK or
        the CLI): the handle ``fleet_runs.track(org_id, project_id, fleet_id, fleet_run_id)`` would give, of the organisation, project and fleet the token names; nothing is sent until its status is read.

        Raises:
            InvalidArgumentError: naming ``token``: not a resume token, or one of another service.
        """
        fields = resume_token_for(token, "shipyard")
        return self.fleet_runs.track(fields["org"], fields["project"], fields["fleet"], fields["run"],
                                     request_options=request_options)

    def __enter__(self) -> Self:
        """The client itself."""
        return self


class AsyncShipyardClient(AsyncClientBase):
    """Shipyard, async; the same options as :class:`ShipyardClient`."""

    def __init__(self, api_key: str | None = None, *, token_provider: AsyncTokenProvider | None = None,
                 base_url: str | None = None, status_mapping: Mapping[str, RunStatus] | None = None,
                 retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.AsyncClient | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options."""
        core = ClientCore("Shipyard", DEFAULT_BASE_URL, "x-shipyard-api-key", api_key=api_key, token_provider=None,
                          async_token_provider=token_provider, base_url=base_url, retry=retry, timeout=timeout,
                          max_response_bytes=max_response_bytes, compression=compression,
                          allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
        self._transport = AsyncTransport(core, http_client)
        self.fleet_runs = AsyncFleetRunsClient(self._transport, ShipyardPlans(core), status_mapping)
        """Fleet runs: start, track, get, list."""

    def resume_run(self, token: str, *, request_options: RequestOptions | None = None) -> AsyncShipyardFleetRun:
        """See :meth:`ShipyardClient.resume_run`."""
        fields = resume_token_for(token, "shipyard")
        return self.fleet_runs.track(fields["org"], fields["project"], fields["fleet"], fields["run"],
                                     request_options=request_options)

    async def __aenter__(self) -> Self:
        """The client itself."""
        return self
