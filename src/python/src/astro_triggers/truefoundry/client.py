from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from .._core.auth.credential import AsyncTokenProvider, TokenProvider
from .._core.client_base import AsyncClientBase, SyncClientBase
from .._core.http.clock import Clock
from .._core.retry.retry_options import RetryOptions
from .._core.service_core import AsyncTransport, ClientCore, SyncTransport
from .._core.options import RequestOptions
from .._core.runs.resume_token import resume_token_for
from ._plans import TrueFoundryPlans
from .job_runs import AsyncJobRunsClient, AsyncTrueFoundryJobRun, JobRunsClient, TrueFoundryJobRun

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

    def resume_run(self, token: str, *, request_options: RequestOptions | None = None) -> TrueFoundryJobRun:
        """Resumes a run from its resume token (``run.resume_token``, written by this or any other language's SDK or
        the CLI): the handle ``job_runs.track(application_id, job_run_name)`` would give, keeping the deployment id the token names (for ``cancel``); nothing is sent until its status is read.

        Raises:
            InvalidArgumentError: naming ``token``: not a resume token, or one of another service.
        """
        fields = resume_token_for(token, "truefoundry")
        return self.job_runs._resumed(fields["app"], fields["run"], fields.get("deployment"), request_options)

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

    def resume_run(self, token: str, *, request_options: RequestOptions | None = None) -> AsyncTrueFoundryJobRun:
        """See :meth:`TrueFoundryClient.resume_run`."""
        fields = resume_token_for(token, "truefoundry")
        return self.job_runs._resumed(fields["app"], fields["run"], fields.get("deployment"), request_options)

    async def __aenter__(self) -> Self:
        """The client itself."""
        return self
