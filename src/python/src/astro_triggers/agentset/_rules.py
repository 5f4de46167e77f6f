"""What Agentset's document requires of arguments (openapi/agentset.yaml), checked before sending so a payload the
service would refuse costs no request; as .NET's Agentset/PayloadRule.cs. Messages name the Python path."""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from .._core import guard
from .._core.errors.client_errors import InvalidArgumentError

_TENANT = re.compile(r"[A-Za-z0-9]{1,64}\Z")
_KINDS = ("TEXT", "FILE", "MANAGED_FILE", "CRAWL", "YOUTUBE", "BATCH")
_ITEM_KINDS = ("TEXT", "FILE", "MANAGED_FILE")
_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")


def snake(wire: str) -> str:
    """A wire (camelCase) field name in Python's spelling, for messages: ``fileUrl`` → ``file_url``."""
    return _CAMEL.sub(r"_\1", wire).lower()


def check_tenant_id(value: Any, name: str) -> str | None:
    """An Agentset tenant id (``x-tenant-id``): 1 to 64 ASCII letters or digits; None is no tenant."""
    if value is None:
        return None
    if not isinstance(value, str) or not _TENANT.match(value):
        raise InvalidArgumentError(name, f"'{name}' must be 1 to 64 ASCII letters or digits (^[A-Za-z0-9]{{1,64}}$).")
    return value


def check_metadata(metadata: Any, name: str) -> None:
    """Config metadata: values are strings, numbers, booleans or string lists, never nested objects."""
    if metadata is None:
        return
    if not isinstance(metadata, Mapping):
        raise InvalidArgumentError(name, f"'{name}' must be a mapping.")
    for key, value in metadata.items():
        ok = isinstance(value, (str, int, float, bool)) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value))
        if not ok:
            raise InvalidArgumentError(name, f"'{name}.{key}' must be a string, number, boolean or string list (not a nested object).")


def check_create_body(job: Mapping[str, Any], name: str) -> None:
    """A create body (wire form): its payload and config. Raises InvalidArgumentError naming the path."""
    payload = job.get("payload")
    if not isinstance(payload, Mapping):
        raise InvalidArgumentError(f"{name}.payload", f"'{name}.payload' is required (a payload with a type).")
    _check_payload(payload, f"{name}.payload")
    _check_config(job.get("config"), f"{name}.config")


def _check_payload(payload: Mapping[str, Any], name: str) -> None:
    kind = payload.get("type")
    if kind == "TEXT":
        _text(payload.get("text"), f"{name}.text")
    elif kind == "FILE":
        _http_url(payload.get("fileUrl"), f"{name}.file_url")
    elif kind == "MANAGED_FILE":
        guard.not_blank(payload.get("key"), f"{name}.key")
    elif kind == "CRAWL":
        _http_url(payload.get("url"), f"{name}.url")
        _at_least(payload.get("maxDepth"), 1, f"{name}.max_depth")
        _at_least(payload.get("limit"), 1, f"{name}.limit")
        for wire in ("includePaths", "excludePaths"):
            paths = payload.get(wire)
            if paths is not None:
                for i, p in enumerate(_list(paths, f"{name}.{snake(wire)}", "path", allow_empty=True)):
                    guard.not_blank(p, f"{name}.{snake(wire)}[{i}]")
        headers = payload.get("headers")
        if headers is not None:
            if not isinstance(headers, Mapping):
                raise InvalidArgumentError(f"{name}.headers", f"'{name}.headers' must be a mapping of strings.")
            for header, value in headers.items():
                guard.not_blank(header, f"{name}.headers")
                where = f'{name}.headers["{header}"]'
                if not isinstance(value, str):
                    raise InvalidArgumentError(where, f"'{where}' must be a string.")
                guard.no_control_characters(value, where)
    elif kind == "YOUTUBE":
        for i, u in enumerate(_list(payload.get("urls"), f"{name}.urls", "URL")):
            _http_url(u, f"{name}.urls[{i}]")
    elif kind == "BATCH":
        for i, item in enumerate(_list(payload.get("items"), f"{name}.items", "item")):
            _check_item(item, f"{name}.items[{i}]")
    else:
        raise InvalidArgumentError(f"{name}.type", f"'{name}.type' must be one of {', '.join(_KINDS)} (was {json.dumps(kind)}).")


def _check_item(item: Any, name: str) -> None:
    if not isinstance(item, Mapping):
        raise InvalidArgumentError(name, f"'{name}' must be a payload with a type.")
    kind = item.get("type")
    if kind == "TEXT":
        _text(item.get("text"), f"{name}.text")
    elif kind == "FILE":
        _http_url(item.get("fileUrl"), f"{name}.file_url")
    elif kind == "MANAGED_FILE":
        guard.not_blank(item.get("key"), f"{name}.key")
    else:
        raise InvalidArgumentError(f"{name}.type", f"'{name}.type' must be one of {', '.join(_ITEM_KINDS)} (was {json.dumps(kind)}).")
    _check_config(item.get("config"), f"{name}.config")


def _check_config(config: Any, name: str) -> None:
    if config is None:
        return
    if not isinstance(config, Mapping):
        raise InvalidArgumentError(name, f"'{name}' must be a mapping.")
    _at_least(config.get("chunkSize"), 32, f"{name}.chunk_size")
    check_metadata(config.get("metadata"), f"{name}.metadata")


def _text(value: Any, name: str) -> None:
    # Free text: line breaks are fine, blank is not.
    if not isinstance(value, str):
        raise InvalidArgumentError(name, f"'{name}' is required (a string).")
    if guard.is_blank(value):
        raise InvalidArgumentError(name, f"'{name}' must not be empty or whitespace.")


def _http_url(value: Any, name: str) -> None:
    if not isinstance(value, str):
        raise InvalidArgumentError(name, f"'{name}' is required (an absolute http(s) URL).")
    try:
        parts = urlsplit(value)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok:
        raise InvalidArgumentError(name, f"'{name}' must be an absolute http(s) URL (was '{value}').")


def _at_least(value: Any, minimum: int, name: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidArgumentError(name, f"'{name}' must be an integer of at least {minimum} (was {value!r}).")


def _list(value: Any, name: str, what: str, allow_empty: bool = False) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise InvalidArgumentError(name, f"'{name}' is required (a list).")
    if not allow_empty and not value:
        raise InvalidArgumentError(name, f"'{name}' must hold at least one {what}.")
    return list(value)
