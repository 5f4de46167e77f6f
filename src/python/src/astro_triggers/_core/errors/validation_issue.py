from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ValidationIssue:
    """One entry of a FastAPI-style 422 body (``{"detail": [{"loc", "msg", "type"}]}``), masked.

    Attributes:
        location: Where the problem is, e.g. ``("body", "action_config", "cluster_id")``.
        message: The service's message.
        type: The service's error type, e.g. ``"missing"``, when given.
    """

    location: tuple[str, ...]
    message: str
    type: str | None = None
