"""astro-triggers: typed clients for the job-trigger and ingest-job APIs of Agentset, Astropod, TrueFoundry, Shipyard
and Mixpeek, generated from the repository's openapi/*.yaml — with the guarantees of the C# and TypeScript clients.

Every client has a sync (``AgentsetClient``) and an async (``AsyncAgentsetClient``) flavour. Every error derives from
:class:`AstroTriggersError`. Logging goes to the ``astro_triggers`` logger (silent until the application configures
logging)."""
import logging as _logging

from ._core.auth.credential import AsyncTokenProvider, TokenProvider
from ._core.auth.token_refresh_error import TokenRefreshError
from ._core.errors.astro_triggers_error import AstroTriggersError
from ._core.errors.client_errors import (
    InvalidArgumentError, PagingError, ResponseDeserializationError, ResponseTooLargeError, ServiceTimeoutError,
    TransportError, UnsupportedOperationError,
)
from ._core.errors.service_request_error import ServiceRequestError
from ._core.errors.status_errors import (
    BadRequestError, ConflictError, ForbiddenError, GoneError, InternalServerError, NotFoundError,
    PacedRateLimitError, PaymentRequiredError, RateLimitExceededError, UnauthorizedError, UnexpectedStatusError,
    UnprocessableEntityError,
)
from ._core.errors.validation_issue import ValidationIssue
from ._core.http.clock import Clock, SystemClock, system_clock
from ._core.http.response_info import ResponseInfo
from ._core.http.user_agent import USER_AGENT
from ._core.options import RequestOptions
from ._core.paging.page import Page
from ._core.paging.pageable import AsyncPageable, Pageable
from ._core.retry.retry_options import RetryOptions
from ._core.runs.run_errors import RunCancelledError, RunFailedError, RunWaitTimeoutError
from ._core.runs.run_group import AsyncRunGroup, RunGroup
from ._core.runs.run_group_progress import RunGroupProgress
from ._core.runs.run_result import RunResult
from ._core.runs.run_status import RunSnapshot, RunStatus, is_terminal
from ._core.runs.triggered_run import AsyncTriggeredRun, RunHandle, TriggeredRun
from .agentset import AgentsetClient, AgentsetRequestOptions, AsyncAgentsetClient

from .astropod import AstropodClient, AsyncAstropodClient
from .mixpeek import AsyncMixpeekClient, MixpeekClient, MixpeekRequestOptions
from .shipyard import AsyncShipyardClient, ShipyardClient
from .truefoundry import AsyncTrueFoundryClient, TrueFoundryClient

# A library adds no handler of its own: records reach the application's handlers, or nowhere.
_logging.getLogger("astro_triggers").addHandler(_logging.NullHandler())

# What `from astro_triggers import *` gives and what the vocabulary check (tests/conformance/test_vocabulary.py) reads
# as the package's public surface, with the __all__ of each service package (agentset, astropod, ...).
__all__ = [
    "AgentsetClient", "AsyncAgentsetClient", "AgentsetRequestOptions",
    "AstropodClient", "AsyncAstropodClient",
    "MixpeekClient", "AsyncMixpeekClient", "MixpeekRequestOptions",
    "ShipyardClient", "AsyncShipyardClient",
    "TrueFoundryClient", "AsyncTrueFoundryClient",
    "RequestOptions", "ResponseInfo", "RetryOptions", "TokenProvider", "AsyncTokenProvider",
    "Page", "Pageable", "AsyncPageable",
    "RunHandle", "TriggeredRun", "AsyncTriggeredRun", "RunSnapshot", "RunStatus", "is_terminal",
    "AstroTriggersError", "ServiceRequestError", "BadRequestError", "UnauthorizedError", "PaymentRequiredError",
    "ForbiddenError", "NotFoundError", "ConflictError", "GoneError", "UnprocessableEntityError",
    "RateLimitExceededError", "PacedRateLimitError", "InternalServerError", "UnexpectedStatusError", "ValidationIssue",
    "TransportError", "ServiceTimeoutError", "ResponseTooLargeError", "ResponseDeserializationError", "PagingError",
    "InvalidArgumentError", "UnsupportedOperationError", "TokenRefreshError",
    "RunFailedError", "RunCancelledError", "RunWaitTimeoutError",
    "RunGroup", "AsyncRunGroup", "RunGroupProgress", "RunResult",
    "Clock", "SystemClock", "system_clock", "USER_AGENT",
    "agentset", "astropod", "mixpeek", "shipyard", "truefoundry",
]
