from __future__ import annotations

from ..errors.astro_triggers_error import AstroTriggersError


class TokenRefreshError(AstroTriggersError):
    """The ``token_provider`` raised: asked for a token before a request (``status`` 0: the request was not sent) or
    for a new one after a 401 (``status`` 401: the request was not repeated). The service did not act, so
    ``may_have_been_processed`` is false; ``__cause__`` is what the provider raised. Not retried."""

    def __init__(self, after_unauthorized: bool, *, service: str, operation_id: str, method: str | None,
                 url: str | None, thrown: BaseException) -> None:
        """``after_unauthorized``: whether the provider was asked to refresh after a 401."""
        kind = type(thrown).__name__
        what = (f"the service rejected the credential (401) and the token provider raised {kind} while refreshing it; "
                "the request was not repeated." if after_unauthorized else
                f"the token provider raised {kind} while supplying a token; the request was not sent.")
        super().__init__(f"{service} {operation_id}: {what} See the cause.", service=service,
                         operation_id=operation_id, method=method, url=url, status=401 if after_unauthorized else 0)
