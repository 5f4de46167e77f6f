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
from ._plans import MixpeekPlans
from ._rules import check_namespace
from .executions import AsyncExecutionsClient, AsyncTriggerExecutionRun, ExecutionsClient, TriggerExecutionRun
from .options import MixpeekRequestOptions
from .triggers import AsyncTriggersClient, TriggersClient

if TYPE_CHECKING:
    from typing_extensions import Self

DEFAULT_BASE_URL = "https://api.mixpeek.com"


class MixpeekClient(SyncClientBase):
    """Mixpeek (https://api.mixpeek.com; ``Authorization: Bearer sk_…``, ``X-Namespace``), sync.

    ``namespace``: sent as ``X-Namespace`` unless a call names another (^[A-Za-z0-9_.-]{1,128}$);
    ``minimum_interval_seconds``: smallest interval schedule accepted (default 60). The other options are
    :class:`AgentsetClient`'s.
    """

    def __init__(self, api_key: str | None = None, *, token_provider: TokenProvider | None = None,
                 base_url: str | None = None, namespace: str | None = None, minimum_interval_seconds: int = 60,
                 retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.Client | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options."""
        core = ClientCore("Mixpeek", DEFAULT_BASE_URL, None, api_key=api_key, token_provider=token_provider,
                          async_token_provider=None, base_url=base_url, retry=retry, timeout=timeout,
                          max_response_bytes=max_response_bytes, compression=compression,
                          allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
        if namespace is not None:
            check_namespace(namespace, "namespace")
        plans = MixpeekPlans(core, namespace, minimum_interval_seconds)
        self._transport = SyncTransport(core, http_client)
        self.triggers = TriggersClient(self._transport, plans)
        """Triggers: create, list, get, update, pause, resume, delete."""
        self.executions = ExecutionsClient(self._transport, plans)
        """Executions: start (run a trigger now), get, cancel, track, list (history)."""

    def resume_run(self, token: str, *, request_options: RequestOptions | None = None) -> TriggerExecutionRun:
        """Resumes a run from its resume token (``run.resume_token``, written by this or any other language's SDK or
        the CLI): the handle ``executions.track(task_id)`` would give, under the namespace the token names; nothing is sent until its status is read.

        Raises:
            InvalidArgumentError: naming ``token``: not a resume token, or one of another service.
        """
        fields = resume_token_for(token, "mixpeek")
        scoped = MixpeekRequestOptions(timeout=request_options.timeout if request_options else None,
                                       retry=request_options.retry if request_options else None, namespace=fields["ns"])
        return self.executions._resumed(fields["run"], fields.get("trigger"), scoped)

    def __enter__(self) -> Self:
        """The client itself."""
        return self


class AsyncMixpeekClient(AsyncClientBase):
    """Mixpeek, async; the same options as :class:`MixpeekClient`."""

    def __init__(self, api_key: str | None = None, *, token_provider: AsyncTokenProvider | None = None,
                 base_url: str | None = None, namespace: str | None = None, minimum_interval_seconds: int = 60,
                 retry: RetryOptions | None = None, timeout: float | None = None,
                 max_response_bytes: int | None = None, compression: bool = True, allow_insecure_http: bool = False,
                 rate_limit_pacing: bool = True, application_id: str | None = None,
                 http_client: httpx.AsyncClient | None = None,
                 clock: Clock | None = None) -> None:
        """Checks the options."""
        core = ClientCore("Mixpeek", DEFAULT_BASE_URL, None, api_key=api_key, token_provider=None,
                          async_token_provider=token_provider, base_url=base_url, retry=retry, timeout=timeout,
                          max_response_bytes=max_response_bytes, compression=compression,
                          allow_insecure_http=allow_insecure_http, rate_limit_pacing=rate_limit_pacing, clock=clock,
                      application_id=application_id)
        if namespace is not None:
            check_namespace(namespace, "namespace")
        plans = MixpeekPlans(core, namespace, minimum_interval_seconds)
        self._transport = AsyncTransport(core, http_client)
        self.triggers = AsyncTriggersClient(self._transport, plans)
        """Triggers: create, list, get, update, pause, resume, delete."""
        self.executions = AsyncExecutionsClient(self._transport, plans)
        """Executions: start, get, cancel, track, list."""

    def resume_run(self, token: str, *, request_options: RequestOptions | None = None) -> AsyncTriggerExecutionRun:
        """See :meth:`MixpeekClient.resume_run`."""
        fields = resume_token_for(token, "mixpeek")
        scoped = MixpeekRequestOptions(timeout=request_options.timeout if request_options else None,
                                       retry=request_options.retry if request_options else None, namespace=fields["ns"])
        return self.executions._resumed(fields["run"], fields.get("trigger"), scoped)

    async def __aenter__(self) -> Self:
        """The client itself."""
        return self
