from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .http.call_settings import Answer
from .http.operation import OperationInfo
from .plan import read_json, unreadable

T = TypeVar("T")


def read_items(operation: OperationInfo, answer: Answer, key: str, reader: Callable[[Any, str], T],
               what: str) -> tuple[list[T], dict[str, Any]]:
    """A list answer: the items under ``key`` read by a generated model, and the rest of the object as sent (paging
    numbers are taken as reported, a missing one as none)."""
    from .._generated._wire import WireFormatError

    data = read_json(operation, answer)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise unreadable(operation, answer.status, f"is not {what}", f"$.{key}")
    items = []
    for i, item in enumerate(data[key]):
        path = f"$.{key}[{i}]"
        try:
            items.append(reader(item, path))
        except WireFormatError as error:
            raise unreadable(operation, answer.status, f"is not {what}: {error.message} at {error.path}",
                             error.path) from None
    return items, data
