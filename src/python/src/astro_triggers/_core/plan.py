from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .errors.client_errors import ResponseDeserializationError
from .http.call_settings import Answer, HttpRequest
from .http.operation import OperationInfo

T = TypeVar("T")


@dataclass(frozen=True)
class Plan(Generic[T]):
    """One operation ready to send (internal): what the sync and the async flavour share. Arguments were checked while
    it was made; ``parse`` turns the 2xx answer into the result."""

    operation: OperationInfo
    request: HttpRequest
    parse: Callable[[Answer], T]


def unreadable(operation: OperationInfo, status: int, problem: str, json_path: str | None = None) -> ResponseDeserializationError:
    """The error of a 2xx body that is not what the operation returns (the service acted; its answer is lost)."""
    return ResponseDeserializationError(
        f"{operation.service} {operation.operation_id}: the {status} response {problem}.", service=operation.service,
        operation_id=operation.operation_id, status=status, method=operation.method, json_path=json_path)


def read_json(operation: OperationInfo, answer: Answer) -> Any:
    """The body as JSON. Raises ResponseDeserializationError (empty or not JSON)."""
    try:
        if answer.is_utf8():
            # Parsed from the bytes (json.loads drops a byte order mark as decode_text does), without a decoded copy
            # of the body; bytes that are not UTF-8 are read as decode_text reads them (U+FFFD), as before.
            try:
                return json.loads(answer.body)
            except UnicodeDecodeError:
                pass
        return json.loads(answer.text())
    except (ValueError, RecursionError) as error:
        if not answer.body.strip():
            raise unreadable(operation, answer.status, "is empty (a JSON body was expected)") from None
        raise unreadable(operation, answer.status, f"is not valid JSON ({type(error).__name__})") from None


def read_model(operation: OperationInfo, answer: Answer, reader: Callable[[Any], T], what: str) -> T:
    """The body read by a generated model's ``from_json``; a missing or malformed required value is the answer's
    fault (ResponseDeserializationError naming the JSON path)."""
    from .._generated._wire import WireFormatError

    data = read_json(operation, answer)
    try:
        return reader(data)
    except WireFormatError as error:
        raise unreadable(operation, answer.status, f"is not {what}: {error.message} at {error.path}",
                         error.path) from None
