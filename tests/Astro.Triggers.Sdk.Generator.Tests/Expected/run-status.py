"""Acme models and wire facts, generated from openapi/run_status.yaml by Astro.Triggers.Sdk.Generator.

Do not edit; not committed (src/python builds it). The contract (src/python/README-generated.md):
- One dataclass per object schema, named as the schema, attributes in snake_case. ``from_json(data, path="$")``
  reads parsed JSON: a missing or malformed required value raises ``_wire.WireFormatError`` (with ``.path``); a
  malformed optional value reads as None with a warning on the ``astro_triggers`` logger naming the path, never
  the value. ``to_json()`` gives the wire form (wire names; optional values that are None left out).
- A discriminated union is a base class whose ``from_json`` returns the variant its discriminator names, or the
  ``Unknown<Base>`` fallback (keeping the raw object in ``raw``) for a value this SDK does not know yet.
- A string enum is a ``Literal`` alias; properties typed with it are ``<Alias> | str``, because a value the
  service adds later is kept as the string it sent.
- Date-times are ``datetime`` with a tzinfo (a value without an offset is read as UTC); integers are ``int``
  (any width); numbers ``float``.
- ``OPERATIONS``: operationId → ``_wire.Operation``; ``RUN_STATUS``: status word → common status (queued,
  running, succeeded, failed, cancelled, unknown) from x-astro-run-status; ``DATE_TIME_FIELDS``: wire names of
  the date-time properties.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Self

from . import _wire
from ._wire import Operation, QueryParam

__all__ = [
    "CsvWord",
    "Order",
    "Run",
    "RunState",
    "DATE_TIME_FIELDS",
    "OPERATIONS",
    "RUN_STATUS",
]

RunState = Literal["WAITING", "IN_PROGRESS", "DONE", "BROKEN", "STOPPED", "MYSTERY"]
CsvWord = Literal["Waiting", "Out of Memory", "Done"]
Order = Literal["asc", "desc"]


@dataclass(frozen=False, slots=True, kw_only=True)
class Run:
    """Run as the service sends and reads it."""

    status: RunState | str | None = None

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> Self:
        """Reads parsed JSON; a missing or malformed required value raises WireFormatError."""
        return cls._from_object(data if isinstance(data, dict) else _wire.read_object(data, path), path)

    @classmethod
    def _read(cls, data: object, path: _wire.Path) -> Self:
        return cls._from_object(data if isinstance(data, dict) else _wire.read_object(data, path), path)

    @classmethod
    def _from_object(cls, obj: dict[str, object], path: _wire.Path) -> Self:
        get = obj.get
        model = object.__new__(cls)
        v = get("status")
        model.status = v if v is None or isinstance(v, str) else _wire.optional(obj, "status", path, _wire.read_str)
        return model

    def to_json(self) -> dict[str, object]:
        """The wire form: wire names, optional values that are None left out."""
        out: dict[str, object] = {}
        if self.status is not None:
            out["status"] = self.status
        return out


OPERATIONS: dict[str, Operation] = {
    "getRun": Operation(
        service="Acme",
        operation_id="getRun",
        method="GET",
        path="/runs/{runId}",
        idempotent=True,
        query=(),
        headers=(),
        path_params=("runId",),
    ),
}

# Each status word → the common run status (x-astro-run-status in the document).
RUN_STATUS: dict[str, str] = {
    "WAITING": "queued",
    "IN_PROGRESS": "running",
    "DONE": "succeeded",
    "BROKEN": "failed",
    "STOPPED": "cancelled",
    "MYSTERY": "unknown",
    "Waiting": "queued",
    "Out of Memory": "failed",
    "Done": "succeeded",
}

# Wire names of the date-time properties (a value without an offset is read as UTC).
DATE_TIME_FIELDS: frozenset[str] = frozenset({})
