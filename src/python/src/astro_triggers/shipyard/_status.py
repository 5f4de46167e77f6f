from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .._core.runs.run_status import RunStatus
from .._generated.shipyard import RUN_STATUS

DEFAULT_FLEET_RUN_STATUS_MAPPING: Mapping[str, RunStatus] = MappingProxyType(
    {word.lower(): status for word, status in RUN_STATUS.items()})  # type: ignore[misc]
"""Shipyard's words (lower case) → the common model, from the document's ``x-astro-run-status``."""


def map_fleet_run_status(status: str | None, overrides: Mapping[str, RunStatus] | None = None) -> RunStatus:
    """A Shipyard status word → common status, case-insensitive: not yet in the CSV (blank) → queued; ``overrides``
    win over the defaults; anything else → unknown."""
    if status is None or status.strip() == "":
        return "queued"
    key = status.strip().lower()
    for word, mapped in (overrides or {}).items():
        if word.strip().lower() == key:
            return mapped
    return DEFAULT_FLEET_RUN_STATUS_MAPPING.get(key, "unknown")
