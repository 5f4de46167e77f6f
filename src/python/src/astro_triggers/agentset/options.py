from __future__ import annotations

from dataclasses import dataclass

from .._core.options import RequestOptions


@dataclass(frozen=True)
class AgentsetRequestOptions(RequestOptions):
    """Options of one Agentset call (over :class:`RequestOptions`).

    Attributes:
        namespace_id: Namespace (``ns_…``) for this call instead of the client's.
        tenant_id: ``x-tenant-id`` for this call (^[A-Za-z0-9]{1,64}$) instead of the client's.
    """

    namespace_id: str | None = None
    tenant_id: str | None = None
