from __future__ import annotations


class AstroTriggersError(Exception):
    """The one root of every error the SDK raises.

    Typed HTTP errors (:class:`ServiceRequestError` and its per-status subclasses), transport errors (timeouts among
    them), deserialization, paging, argument, token and run errors all derive from it. A caller's own cancellation
    (``asyncio.CancelledError``, ``KeyboardInterrupt``) is never wrapped.

    Attributes:
        service: Service name, e.g. ``"Agentset"``; empty when the error belongs to no service call.
        operation_id: The OpenAPI ``operationId`` of the call; empty when none.
        status: HTTP status of the answer; 0 when no response arrived.
        error_code: The service's own error code from the body, when it carried one.
        service_message: The service's own error message, secrets masked.
        request_id: Request id from the body or an ``x-request-id``-style header.
        method: HTTP method of the call, when there was one.
        url: The request URL with credentials and undocumented query values replaced by ``***``.
        raw_body: The response body as text, at most 16 KB, secrets masked.
        may_have_been_processed: True when the service may have acted on a request that is not safe to repeat (a
            create or start that got an ambiguous answer, no answer after the request may have been sent, a success
            answer whose body could not be read, or a run that was started). The SDK never repeats such a request on
            its own: check before starting again.
    """

    def __init__(
        self,
        message: str,
        *,
        service: str = "",
        operation_id: str = "",
        status: int = 0,
        error_code: str | None = None,
        service_message: str | None = None,
        request_id: str | None = None,
        method: str | None = None,
        url: str | None = None,
        raw_body: str | None = None,
        may_have_been_processed: bool = False,
    ) -> None:
        """Creates the error; ``message`` must already be masked (the SDK masks every text it puts here)."""
        super().__init__(message)
        self.message = message
        self.service = service
        self.operation_id = operation_id
        self.status = status
        self.error_code = error_code
        self.service_message = service_message
        self.request_id = request_id
        self.method = method
        self.url = url
        self.raw_body = raw_body
        self.may_have_been_processed = may_have_been_processed

    def __str__(self) -> str:
        """The message (masked)."""
        return self.message

    def __repr__(self) -> str:
        """``TypeName('message')`` — the masked message only, never a header or key."""
        return f"{type(self).__name__}({self.message!r})"
