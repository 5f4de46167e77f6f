from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from .._core import guard
from .._core.auth.credential import AsyncTokenProvider, TokenProvider
from .._core.client_base import AsyncClientBase, SyncClientBase
from .._core.http.clock import Clock
from .._core.retry.retry_options import RetryOptions
from .._core.service_core import AsyncTransport, ClientCore, SyncTransport
from .._core.options import RequestOptions
from .._core.runs.resume_token import resume_token_for
from ._plans import AgentsetPlans, Scope
from ._rules import check_tenant_id
from .ingest_jobs import AsyncIngestJobRun, AsyncIngestJobsClient, IngestJobRun, IngestJobsClient
from .options import AgentsetRequestOptions

if TYPE_CHECKING:
    from typing_extensions import Self

DEFAULT_BASE_URL = "https://api.agentset.ai"


def _core(api_key: str | None, token_provider: TokenProvider | None, async_provider: AsyncTokenProvider | None,
          base_url: str | None, namespace_id: str | None, tenant_id: str | None, retry: RetryOptions | None,
          timeout: float | None, max_response_bytes: int | None, compression: bool, allow_insecure_http: bool,
          rate_limit_pacing: bool, clock: Clock | None, application_id: str | None) -> tuple[ClientCore, Scope]:
    core = ClientCore("Agentset", DEFAULT_BASE_URL, None, api_key=api_key, token_provider=token_provider,
                      async_token_provider=async_provider, base_url=base_url, retry=retry, timeout=timeout,
                      max_response_bytes=max_response_bytes, compression=compression,
                      allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
    check_tenant_id(tenant_id, "tenant_id")
    if namespace_id is not None:
        guard.prefixed_id(namespace_id, "ns_", "namespace_id")
    return core, Scope(namespace_id, tenant_id)


class AgentsetClient(SyncClientBase):
    """Agentset (https://api.agentset.ai; ``Authorization: Bearer <key>``, optional ``x-tenant-id``), sync.

    Example::

        with AgentsetClient(api_key, namespace_id="ns_123") as client:
            run = client.ingest_jobs.start(CreateIngestJobRequest(payload=TextPayload(text="Hello")))
            run.wait_for_completion()

    Args:
        api_key: The API key; required unless ``token_provider`` is set. Never appears in any surfaced text.
        token_provider: ``(force_refresh: bool) -> str``, asked before each attempt and once more after a 401.
        base_url: Default ``https://api.agentset.ai``; https unless loopback or ``allow_insecure_http``.
        namespace_id: The namespace (``ns_…``) every call uses unless a call names another.
        tenant_id: ``x-tenant-id`` for every call unless a call names another (^[A-Za-z0-9]{1,64}$).
        retry: Retry settings over the defaults (4 attempts, 0.5 s base doubling with jitter, 30 s max delay, 120 s
            budget, 30 s per attempt).
        timeout: Overall limit of one call in seconds, all attempts and waits. Default 100 s.
        max_response_bytes: Largest (decoded) response body read. Default 16 MiB.
        compression: Ask for gzip (and br with the ``brotli`` package). Default True.
        allow_insecure_http: Allow http to a non-loopback host. Default False.
        rate_limit_pacing: Pace calls by the service's ``X-RateLimit-*`` headers. Default True.
        application_id: Your application's name, put in front of the User-Agent (1–24 characters, no spaces or
            control characters), so the service's logs tell your calls apart. Default none.
        http_client: An ``httpx.Client`` to send with (yours: not closed by ``close()``); default the SDK's own.
        clock: Time source for waits and budgets (tests pass a virtual one). Default the system clock.

    Raises:
        InvalidArgumentError: a missing key, a bad base URL, namespace or tenant.
    """

    def __init__(self, api_key: str | None = None, *, token_provider: TokenProvider | None = None,
                 base_url: str | None = None, namespace_id: str | None = None, tenant_id: str | None = None,
                 retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.Client | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options (see the class docstring)."""
        core, scope = _core(api_key, token_provider, None, base_url, namespace_id, tenant_id, retry, timeout,
                            max_response_bytes, compression, allow_insecure_http, rate_limit_pacing, clock,
                            application_id)
        self._transport = SyncTransport(core, http_client)
        self.ingest_jobs = IngestJobsClient(self._transport, AgentsetPlans(core, scope))
        """Ingest jobs: list, create, start, track, get, delete, re_ingest."""

    def resume_run(self, token: str, *, request_options: RequestOptions | None = None) -> IngestJobRun:
        """Resumes a run from its resume token (``run.resume_token``, written by this or any other language's SDK or
        the CLI): the handle ``ingest_jobs.track(job_id)`` would give, under the namespace and tenant the token names; nothing is sent until its status is read.

        Raises:
            InvalidArgumentError: naming ``token``: not a resume token, or one of another service.
        """
        fields = resume_token_for(token, "agentset")
        return self.ingest_jobs.track(fields["run"], request_options=_scoped_agentset(fields, request_options))

    def __enter__(self) -> Self:
        """The client itself."""
        return self


class AsyncAgentsetClient(AsyncClientBase):
    """Agentset, async (over ``httpx.AsyncClient``): the same options as :class:`AgentsetClient`; the token provider
    may be a coroutine function. Use ``async with AsyncAgentsetClient(...) as client:``."""

    def __init__(self, api_key: str | None = None, *, token_provider: AsyncTokenProvider | None = None,
                 base_url: str | None = None, namespace_id: str | None = None, tenant_id: str | None = None,
                 retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.AsyncClient | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options (see :class:`AgentsetClient`)."""
        core, scope = _core(api_key, None, token_provider, base_url, namespace_id, tenant_id, retry, timeout,
                            max_response_bytes, compression, allow_insecure_http, rate_limit_pacing, clock,
                            application_id)
        self._transport = AsyncTransport(core, http_client)
        self.ingest_jobs = AsyncIngestJobsClient(self._transport, AgentsetPlans(core, scope))
        """Ingest jobs: list, create, start, track, get, delete, re_ingest."""

    def resume_run(self, token: str, *, request_options: RequestOptions | None = None) -> AsyncIngestJobRun:
        """See :meth:`AgentsetClient.resume_run`."""
        fields = resume_token_for(token, "agentset")
        return self.ingest_jobs.track(fields["run"], request_options=_scoped_agentset(fields, request_options))

    async def __aenter__(self) -> Self:
        """The client itself."""
        return self


def _scoped_agentset(fields: dict[str, str], options: RequestOptions | None) -> AgentsetRequestOptions:
    own_tenant = options.tenant_id if isinstance(options, AgentsetRequestOptions) else None
    return AgentsetRequestOptions(timeout=options.timeout if options else None, retry=options.retry if options else None,
                                  namespace_id=fields["ns"], tenant_id=fields.get("tenant", own_tenant))
