from __future__ import annotations

from .service_request_error import ServiceRequestError


class BadRequestError(ServiceRequestError):
    """HTTP 400: the service refused the request as malformed (Shipyard's bare ``{request: {id}, data: null}`` too)."""


class UnauthorizedError(ServiceRequestError):
    """HTTP 401: missing, wrong or expired credentials."""


class PaymentRequiredError(ServiceRequestError):
    """HTTP 402: billing suspended (Astropod); see ``suggested_action``."""


class ForbiddenError(ServiceRequestError):
    """HTTP 403: the credential may not do this (Agentset ``forbidden``, ``exceeded_limit``)."""


class NotFoundError(ServiceRequestError):
    """HTTP 404: no such namespace, job, run, deployment or trigger."""


class ConflictError(ServiceRequestError):
    """HTTP 409: the resource's state forbids this now (e.g. re-ingesting a running job)."""


class GoneError(ServiceRequestError):
    """HTTP 410: gone (Agentset ``invite_expired``)."""


class UnprocessableEntityError(ServiceRequestError):
    """HTTP 422: the body did not validate; ``validation_issues`` lists FastAPI's ``detail[]`` entries."""


class RateLimitExceededError(ServiceRequestError):
    """HTTP 429: rate limited; ``retry_after`` (seconds) says how long to wait when the service said."""


class PacedRateLimitError(RateLimitExceededError):
    """The client's own 429, raised before anything is sent: the service's last answer said this client's rate-limit
    window is spent until a moment the call cannot wait for within what is left of its budget (``timeout`` and
    ``RetryOptions.max_elapsed``). ``may_have_been_processed`` is false (nothing reached the service), ``status`` 429,
    ``error_code`` :attr:`ERROR_CODE` (``rate_limit_paced``), ``retry_after`` the seconds until the window resets.
    Never retried by the SDK. Only with ``rate_limit_pacing`` on (the default)."""

    ERROR_CODE = "rate_limit_paced"

    def __init__(self, service: str, operation_id: str, method: str, retry_after: float) -> None:
        """``retry_after`` in seconds until the window resets."""
        super().__init__(
            service=service, operation_id=operation_id, status=429, method=method, error_code=self.ERROR_CODE,
            service_message="not sent: the service's rate-limit budget for this client is spent",
            retry_after=retry_after, may_have_been_processed=False,
            message=(f"{service} {operation_id} was not sent (client-side rate-limit pacing, {self.ERROR_CODE}): the "
                     f"service's rate-limit budget for this client is spent and resets in {retry_after:g} s, later than "
                     "the call's remaining time budget allows. Nothing reached the service; it is safe to try again "
                     "after the reset."),
        )


class InternalServerError(ServiceRequestError):
    """HTTP 500: the service failed; for a create/trigger ``may_have_been_processed`` is true."""


class UnexpectedStatusError(ServiceRequestError):
    """Any other non-2xx status (3xx included: redirects are never followed)."""


_BY_STATUS: dict[int, type[ServiceRequestError]] = {
    400: BadRequestError, 401: UnauthorizedError, 402: PaymentRequiredError, 403: ForbiddenError, 404: NotFoundError,
    409: ConflictError, 410: GoneError, 422: UnprocessableEntityError, 429: RateLimitExceededError,
    500: InternalServerError,
}


def error_type_for(status: int) -> type[ServiceRequestError]:
    """The per-status subclass for ``status`` (:class:`UnexpectedStatusError` for any other)."""
    return _BY_STATUS.get(status, UnexpectedStatusError)
