"""The status source of a run handle a model factory built (as C#'s DetachedRun, TypeScript's detachedRun): there is
no client behind it. Reading gives back the value it was built with while that is final, so ``wait_for_completion()``
returns (or raises :class:`RunFailedError`) at once, as from a client; for any other state, and for ``cancel()``, it
raises :class:`UnsupportedOperationError` saying why (a test learns at once instead of hanging)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from ..errors.client_errors import InvalidArgumentError, UnsupportedOperationError
from .run_status import RunStatus, is_terminal

T = TypeVar("T")
Snapshot = Callable[[T], "tuple[RunStatus, str | None, str | None]"]


def run_id(value: object, argument: str) -> str:
    """A factory's run id: a non-blank string, else InvalidArgumentError naming ``argument``."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidArgumentError(argument, f"'{argument}' must not be blank.")
    return value


def no_client(service: str, factory: str, run_id_: str, action: str) -> UnsupportedOperationError:
    """The error of a detached handle asked to ``action``."""
    return UnsupportedOperationError(
        f"{service} run '{run_id_}' was built by {factory} without a client, so it cannot {action}. Build it in a "
        "final state (wait_for_completion then returns at once), or mock the handle's methods.", service=service)


def read(service: str, factory: str, run_id_: str, value: T, snapshot: Snapshot[T]) -> Callable[[], T]:
    """The sync status read: ``value`` while final, else :func:`no_client`."""
    def read_() -> T:
        if is_terminal(snapshot(value)[0]):
            return value
        raise no_client(service, factory, run_id_, "read its status")
    return read_


def read_async(service: str, factory: str, run_id_: str, value: T,
               snapshot: Snapshot[T]) -> Callable[[], Awaitable[T]]:
    """The async twin of :func:`read`."""
    sync = read(service, factory, run_id_, value, snapshot)

    async def read_() -> T:
        return sync()
    return read_


def cancel(service: str, factory: str, run_id_: str) -> Callable[[T], None]:
    """The sync cancel: always :func:`no_client`."""
    def cancel_(_value: T) -> None:
        raise no_client(service, factory, run_id_, "cancel it")
    return cancel_


def cancel_async(service: str, factory: str, run_id_: str) -> Callable[[T], Awaitable[None]]:
    """The async twin of :func:`cancel`."""
    async def cancel_(_value: T) -> None:
        raise no_client(service, factory, run_id_, "cancel it")
    return cancel_
