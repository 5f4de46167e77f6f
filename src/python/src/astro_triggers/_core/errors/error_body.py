from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from .validation_issue import ValidationIssue


@dataclass
class ErrorBody:
    """The fields an error body may carry, across the five services' shapes."""

    code: str | None = None
    message: str | None = None
    documentation_url: str | None = None
    request_id: str | None = None
    reason: str | None = None
    action: str | None = None
    validation_issues: list[ValidationIssue] = field(default_factory=list)


def parse_error_body(raw: str | None) -> ErrorBody:
    """Reads an error body in any of the services' shapes: Agentset ``{error:{code,message,doc_url}}``, TrueFoundry
    ``{statusCode,message,code}``, Mixpeek ``{error:{message,type}}`` and FastAPI ``{detail:[{loc,msg,type}]}``,
    Astropod ``{error,code,reason,action}``, Shipyard ``{request:{id},data:null}``. Anything else (HTML, text, empty,
    truncated JSON) gives an empty result; the status still decides the error type. A text field also accepts a JSON
    number or boolean, read as its JSON text (as the C# and TypeScript clients do)."""
    if not raw or not raw.lstrip().startswith("{"):
        return ErrorBody()
    try:
        root = json.loads(raw)
    except (ValueError, RecursionError):
        return ErrorBody()
    if not isinstance(root, dict):
        return ErrorBody()
    code = _text(root, "code")
    message = _text(root, "message")
    doc = _first(_text(root, "doc_url"), _text(root, "docUrl"))
    error = root.get("error")
    if isinstance(error, dict):
        code = _first(_text(error, "code"), _text(error, "type"), code)
        message = _first(_text(error, "message"), message)
        doc = _first(_text(error, "doc_url"), _text(error, "docUrl"), doc)
    elif isinstance(error, str) and message is None:
        message = error
    issues: list[ValidationIssue] = []
    detail = root.get("detail")
    if isinstance(detail, list):
        issues = [_issue(entry) for entry in detail]
        if message is None:
            message = "; ".join(f"{'.'.join(i.location)}: {i.message}" if i.location else i.message for i in issues)
    elif isinstance(detail, str) and message is None:
        message = detail
    request_id = _first(_text(root, "request_id"), _text(root, "requestId"))
    request = root.get("request")
    if request_id is None and isinstance(request, dict):
        request_id = _text(request, "id")
    return ErrorBody(code, message, doc, request_id, _text(root, "reason"), _text(root, "action"), issues)


def _first(*values: str | None) -> str | None:
    for value in values:
        if value is not None:
            return value
    return None


def _issue(entry: Any) -> ValidationIssue:
    if not isinstance(entry, dict):
        return ValidationIssue((), _js_json(entry), None)
    loc = entry.get("loc")
    location = tuple(_js_string(step) for step in loc) if isinstance(loc, list) else ()
    message = _text(entry, "msg")
    return ValidationIssue(location, message if message is not None else _js_json(entry), _text(entry, "type"))


def _text(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int, float)):
        return _js_json(value)
    return None


def _js_number(value: float) -> str:
    # The JSON text JavaScript writes (12.50 reads as "12.5", 1.0 as "1"), so every language reads a number alike.
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return json.dumps(value)


def _js_string(value: Any) -> str:
    # String(step) in JavaScript: a number as its text, anything else as JSON-ish text.
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _js_number(value)
    if value is None:
        return "null"
    return _js_json(value)


def _js_json(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _js_number(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
