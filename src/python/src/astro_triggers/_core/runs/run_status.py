from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

RunStatus = Literal["queued", "running", "succeeded", "failed", "cancelled", "unknown"]
"""The status model common to all services: ``queued`` accepted, not started; ``running``; ``succeeded``;
``failed``; ``cancelled`` (stopping or stopped on request); ``unknown`` (a word the SDK does not know yet — never an
error)."""

_KNOWN: frozenset[str] = frozenset({"queued", "running", "succeeded", "failed", "cancelled", "unknown"})


def is_terminal(status: str) -> bool:
    """Whether a status is final (``succeeded``, ``failed``, ``cancelled``)."""
    return status in ("succeeded", "failed", "cancelled")


def map_status(table: Mapping[str, str], word: str | None) -> RunStatus:
    """A service's status word through its document's map (``x-astro-run-status``); unknown words are ``unknown``."""
    mapped = table.get(word) if word is not None else None
    return mapped if mapped is not None and mapped in _KNOWN else "unknown"  # type: ignore[return-value]


@dataclass(frozen=True)
class RunSnapshot:
    """What was known of a run at one moment.

    Attributes:
        status: The common status.
        raw_status: The service's own status word; None when the run is not visible yet (Shipyard).
        error_message: The service's error text of a failed run, when it gives one.
        observed_at: When it was observed, Unix seconds on the client's clock.
    """

    status: RunStatus
    raw_status: str | None
    error_message: str | None
    observed_at: float
