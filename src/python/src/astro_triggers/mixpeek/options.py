from __future__ import annotations

from dataclasses import dataclass

from .._core.options import RequestOptions


@dataclass(frozen=True)
class MixpeekRequestOptions(RequestOptions):
    """Options of one Mixpeek call (over :class:`RequestOptions`).

    Attributes:
        namespace: ``X-Namespace`` for this call instead of the client's (^[A-Za-z0-9_.-]{1,128}$).
    """

    namespace: str | None = None
