from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .errors.client_errors import ResponseDeserializationError
from .http.call_settings import Answer, HttpRequest
from .http.operation import OperationInfo

if TYPE_CHECKING:
    from .._generated._wire import WireFormatError

T = TypeVar("T")


# Not frozen: a frozen dataclass's __init__ stores through object.__setattr__, a visible share of a call's own cost.
@dataclass(slots=True)
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


_wire_error: type[WireFormatError] | None = None


def _wire_format_error() -> type[WireFormatError]:
    # Imported when first needed, then kept: the import statement this was, in the function, cost ~1 µs a call. (The
    # except clause that calls this is evaluated only when the reader raised.)
    global _wire_error
    if _wire_error is None:
        from .._generated._wire import WireFormatError as error
        _wire_error = error
    return _wire_error


def read_model(operation: OperationInfo, answer: Answer, reader: Callable[[Any], T], what: str) -> T:
    """The body read by a generated model's ``from_json``; a missing or malformed required value is the answer's
    fault (ResponseDeserializationError naming the JSON path)."""
    data = read_json(operation, answer)
    try:
        return reader(data)
    except _wire_format_error() as error:
        raise unreadable(operation, answer.status, f"is not {what}: {error.message} at {error.path}",
                         error.path) from None
