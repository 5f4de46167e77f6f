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
        return cls._read(data, path)

    @classmethod
    def _read(cls, data: object, path: _wire.Path) -> Self:
        obj = data if isinstance(data, dict) else _wire.read_object(data, path)
        if cls is not Payload:
            return cls._from_object(obj, path)
        kind = obj.get("type")
        if not isinstance(kind, str):
            kind = _wire.required(obj, "type", path, _wire.read_str)
        return cast(Self, _PAYLOAD_VARIANTS.get(kind, UnknownPayload)._from_object(obj, path))

    @classmethod
    def _from_object(cls, obj: dict[str, object], path: _wire.Path) -> Self:
        get = obj.get
        model = object.__new__(cls)
        v = get("type")
        model.type = v if isinstance(v, str) else _wire.required(obj, "type", path, _wire.read_str)
        return model

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
    def _from_object(cls, obj: dict[str, object], path: _wire.Path) -> Self:
        get = obj.get
        model = object.__new__(cls)
        v = get("type")
        model.type = v if isinstance(v, str) else _wire.required(obj, "type", path, _wire.read_str)
        model.raw = dict(obj)
        return model

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
    def _from_object(cls, obj: dict[str, object], path: _wire.Path) -> Self:
        get = obj.get
        model = object.__new__(cls)
        v = get("type")
        model.type = v if isinstance(v, str) else _wire.required(obj, "type", path, _wire.read_str)
        v = get("text")
        model.text = v if v is None or isinstance(v, str) else _wire.optional(obj, "text", path, _wire.read_str)
        return model

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
    def _from_object(cls, obj: dict[str, object], path: _wire.Path) -> Self:
        get = obj.get
        model = object.__new__(cls)
        v = get("type")
        model.type = v if isinstance(v, str) else _wire.required(obj, "type", path, _wire.read_str)
        v = get("file_url")
        model.file_url = v if v is None or isinstance(v, str) else _wire.optional(obj, "file_url", path, _wire.read_str)
        return model

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
