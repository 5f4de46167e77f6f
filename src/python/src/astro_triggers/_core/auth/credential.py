from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import Awaitable, Callable
from typing import Union, cast

from .. import guard
from ..security.known_secrets import KnownSecrets

TokenProvider = Callable[[bool], str]
"""Supplies a token for ``Authorization: Bearer`` (sync clients). Called before each attempt with ``force_refresh``
False, and with True after a 401 (the request is then repeated once). Every token it returns is masked."""

AsyncTokenProvider = Callable[[bool], Union[str, Awaitable[str]]]
"""The async clients' token provider: a function or coroutine function of ``force_refresh``."""


class Credential:
    """Puts the credential on a request (internal). With a provider, concurrent calls that got a 401 for the same
    token refresh it once: the first asks the provider for a new token, the others reuse it — or, when that refresh
    failed, fail with its error without asking the provider again (as C#'s TokenRefresher: one refresh per rejected
    token, whatever its outcome). A 401 for a token taken after the last refresh finished refreshes again."""

    def __init__(self, secrets: KnownSecrets, header: str | None, *, key: str | None = None,
                 provider: TokenProvider | None = None, async_provider: AsyncTokenProvider | None = None) -> None:
        self._secrets = secrets
        self._header = header  # None: Authorization: Bearer
        self._key = key
        self._provider = provider
        self._async_provider = async_provider
        # Refreshes finished (succeeded or failed) and how the last one failed: a call compares the count when it took
        # its token with the count after its 401, so it learns of every refresh that finished while it was in flight.
        self._generation = 0
        self._last_failure: Exception | None = None
        self._lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None
        if key is not None:
            secrets.add(key)
            # A key never changes: its header is made (and checked) once, not on every attempt.
            guard.no_control_characters(key, "token")
            self._key_header = ("authorization", "Bearer " + key) if header is None else (header, key)

    @property
    def can_refresh(self) -> bool:
        """Whether a 401 may be answered by refreshing once (a token provider is configured)."""
        return self._provider is not None or self._async_provider is not None

    def __repr__(self) -> str:
        """Never the key."""
        return "Credential(***)"

    def _put(self, headers: dict[str, str], token: object) -> None:
        guard.no_control_characters(token, "token")
        assert isinstance(token, str)
        self._secrets.add(token)
        if self._header is None:
            headers["authorization"] = "Bearer " + token
        else:
            headers[self._header] = token

    def generation(self) -> int:
        """How many refreshes had finished when a token was taken (compared after a 401)."""
        return self._generation

    # Sync flavour.
    def apply(self, headers: dict[str, str]) -> None:
        """Puts the current token (provider asked with ``force_refresh`` False)."""
        if self._key is not None:
            name, value = self._key_header
            headers[name] = value
            return
        assert self._provider is not None
        self._put(headers, self._provider(False))

    def refresh(self, headers: dict[str, str], seen_generation: int) -> None:
        """After a 401 with a token of ``seen_generation``: refresh unless another call already did."""
        assert self._provider is not None
        with self._lock:
            if self._generation != seen_generation:
                if self._last_failure is not None:
                    raise self._last_failure
                token = self._provider(False)
            else:
                try:
                    token = self._provider(True)
                except Exception as error:  # a cancelled refresh is not an outcome: the next waiter asks again
                    self._finished(error)
                    raise
                self._finished(None)
        self._put(headers, token)

    def _finished(self, failure: Exception | None) -> None:
        self._generation += 1
        self._last_failure = failure

    # Async flavour.
    async def _ask(self, force_refresh: bool) -> str:
        assert self._async_provider is not None
        # Typed as object: mypy 1.15 narrows the awaited value to str and 1.0 does not, so an ignore comment would be
        # unused in one of the two dependency sets (an error under --strict); the provider's contract says str.
        answer: object = self._async_provider(force_refresh)
        if inspect.isawaitable(answer):
            answer = await answer
        return cast(str, answer)

    async def apply_async(self, headers: dict[str, str]) -> None:
        """The async :meth:`apply`."""
        if self._key is not None:
            name, value = self._key_header
            headers[name] = value
            return
        self._put(headers, await self._ask(False))

    async def refresh_async(self, headers: dict[str, str], seen_generation: int) -> None:
        """The async :meth:`refresh`."""
        if self._async_lock is None:
            self._async_lock = asyncio.Lock()
        async with self._async_lock:
            if self._generation != seen_generation:
                if self._last_failure is not None:
                    raise self._last_failure
                token = await self._ask(False)
            else:
                try:
                    token = await self._ask(True)
                except Exception as error:  # a cancelled refresh is not an outcome: the next waiter asks again
                    self._finished(error)
                    raise
                self._finished(None)
        self._put(headers, token)
