from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class OperationInfo(Protocol):
    """One operation of a spec as the call runner needs it (the generated ``Operation`` has these and more)."""

    @property
    def service(self) -> str: ...
    @property
    def operation_id(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def idempotent(self) -> bool: ...


@dataclass(frozen=True)
class SimpleOperation:
    """An :class:`OperationInfo` made by hand (tests, conformance adapters)."""

    service: str
    operation_id: str
    method: str
    idempotent: bool
