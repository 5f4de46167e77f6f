"""Unions models and wire facts, generated from openapi/unions.yaml by Astro.Triggers.Sdk.Generator.

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

from dataclasses import dataclass, field
from typing import Self, cast

from . import _wire
from ._wire import Operation, QueryParam

__all__ = [
    "FilePayload",
    "Payload",
    "TextPayload",
    "UnknownPayload",
    "DATE_TIME_FIELDS",
    "OPERATIONS",
    "RUN_STATUS",
]


@dataclass(frozen=False, slots=True, kw_only=True)
class Payload:
    """Payload as the service sends and reads it."""

    type: str

    @classmethod
    def from_json(cls, data: object, path: str = "$") -> Self:
        """Reads parsed JSON as the case its type names (UnknownPayload for a value this SDK does not know)."""
        obj = _wire.read_object(data, path)
        if cls is not Payload:
            return cls._from_object(obj, path)
        kind = _wire.required_str(obj, "type", path)
        return cast(Self, _PAYLOAD_VARIANTS.get(kind, UnknownPayload)._from_object(obj, path))

    @classmethod
    def _from_object(cls, obj: dict[str, object], path: str) -> Self:
        return cls(
            type=_wire.required_str(obj, "type", path),
        )

    def to_json(self) -> dict[str, object]:
        """The wire form: wire names, optional values that are None left out."""
        out: dict[str, object] = {
            "type": self.type,
        }
        return out


@dataclass(frozen=False, slots=True, kw_only=True)
class UnknownPayload(Payload):
    """A Payload whose type this SDK does not know yet: the object as the service sent it is kept in raw."""

    raw: dict[str, object] = field(default_factory=dict)

    @classmethod
    def _from_object(cls, obj: dict[str, object], path: str) -> Self:
        return cls(
            type=_wire.required_str(obj, "type", path),
            raw=dict(obj),
        )

    def to_json(self) -> dict[str, object]:
        """The wire form: wire names, optional values that are None left out."""
        out: dict[str, object] = dict(self.raw)
        out["type"] = self.type
        return out


@dataclass(frozen=False, slots=True, kw_only=True)
class TextPayload(Payload):
    """The TEXT case of Payload."""

    type: str = "TEXT"
    text: str | None = None

    @classmethod
    def _from_object(cls, obj: dict[str, object], path: str) -> Self:
        return cls(
            type=_wire.required_str(obj, "type", path),
            text=_wire.optional_str(obj, "text", path),
        )

    def to_json(self) -> dict[str, object]:
        """The wire form: wire names, optional values that are None left out."""
        out: dict[str, object] = {
            "type": self.type,
        }
        if self.text is not None:
            out["text"] = self.text
        return out


@dataclass(frozen=False, slots=True, kw_only=True)
class FilePayload(Payload):
    """The FILE case of Payload."""

    type: str = "FILE"
    file_url: str | None = None

    @classmethod
    def _from_object(cls, obj: dict[str, object], path: str) -> Self:
        return cls(
            type=_wire.required_str(obj, "type", path),
            file_url=_wire.optional_str(obj, "file_url", path),
        )

    def to_json(self) -> dict[str, object]:
        """The wire form: wire names, optional values that are None left out."""
        out: dict[str, object] = {
            "type": self.type,
        }
        if self.file_url is not None:
            out["file_url"] = self.file_url
        return out


_PAYLOAD_VARIANTS: dict[str, type[Payload]] = {
    "TEXT": TextPayload,
    "FILE": FilePayload,
}


OPERATIONS: dict[str, Operation] = {
    "sendPayload": Operation(
        service="Unions",
        operation_id="sendPayload",
        method="POST",
        path="/payloads",
        idempotent=False,
        query=(),
        headers=(),
        path_params=(),
    ),
}

# Each status word → the common run status (x-astro-run-status in the document).
RUN_STATUS: dict[str, str] = {}

# Wire names of the date-time properties (a value without an offset is read as UTC).
DATE_TIME_FIELDS: frozenset[str] = frozenset({})
