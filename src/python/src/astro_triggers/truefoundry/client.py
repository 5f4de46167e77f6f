from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from .._core.auth.credential import AsyncTokenProvider, TokenProvider
from .._core.client_base import AsyncClientBase, SyncClientBase
from .._core.http.clock import Clock
from .._core.retry.retry_options import RetryOptions
from .._core.service_core import AsyncTransport, ClientCore, SyncTransport
from ._plans import TrueFoundryPlans
from .job_runs import AsyncJobRunsClient, JobRunsClient

if TYPE_CHECKING:
    from typing_extensions import Self


class TrueFoundryClient(SyncClientBase):
    """TrueFoundry (your control plane; ``Authorization: Bearer <token>``), sync.

    Example::

        with TrueFoundryClient(api_key, base_url="https://acme.truefoundry.cloud") as tfy:
            run = tfy.job_runs.start(TriggerJobRequest(application_id="app-1"))
            run.wait_for_completion(poll_interval=5, timeout=1800)

    ``base_url`` is required (TrueFoundry has no shared host); the other options are :class:`AgentsetClient`'s.
    Raises InvalidArgumentError when ``base_url`` or the key is missing.
    """

    def __init__(self, api_key: str | None = None, *, base_url: str, token_provider: TokenProvider | None = None,
                 retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.Client | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options."""
        core = ClientCore("TrueFoundry", None, None, api_key=api_key, token_provider=token_provider,
                          async_token_provider=None, base_url=base_url, retry=retry, timeout=timeout,
                          max_response_bytes=max_response_bytes, compression=compression,
                          allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
        self._transport = SyncTransport(core, http_client)
        self.job_runs = JobRunsClient(self._transport, TrueFoundryPlans(core))
        """Job runs: start, track, get, list, cancel, delete."""

    def __enter__(self) -> Self:
        """The client itself."""
        return self


class AsyncTrueFoundryClient(AsyncClientBase):
    """TrueFoundry, async; the same options as :class:`TrueFoundryClient`."""

    def __init__(self, api_key: str | None = None, *, base_url: str, token_provider: AsyncTokenProvider | None = None,
                 retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.AsyncClient | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options."""
        core = ClientCore("TrueFoundry", None, None, api_key=api_key, token_provider=None,
                          async_token_provider=token_provider, base_url=base_url, retry=retry, timeout=timeout,
                          max_response_bytes=max_response_bytes, compression=compression,
                          allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
        self._transport = AsyncTransport(core, http_client)
        self.job_runs = AsyncJobRunsClient(self._transport, TrueFoundryPlans(core))
        """Job runs: start, track, get, list, cancel, delete."""

    async def __aenter__(self) -> Self:
        """The client itself."""
        return self
