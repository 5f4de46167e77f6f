from __future__ import annotations

from types import TracebackType
from typing import Any

from .service_core import AsyncTransport, SyncTransport


class SyncClientBase:
    """What every sync client shares: ``with Client(...) as client:`` closes its transport; ``repr`` never shows the
    key."""

    _transport: SyncTransport

    def close(self) -> None:
        """Closes the client's own httpx client (one passed in as ``http_client`` stays open: it is the caller's)."""
        self._transport.close()

    def __enter__(self) -> Any:
        """The client itself."""
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Closes the client."""
        self.close()

    def __repr__(self) -> str:
        """``ClientName(base_url='…')`` — never the key."""
        return f"{type(self).__name__}(base_url={self._transport.core.base_url!r})"


class AsyncClientBase:
    """What every async client shares: ``async with Client(...) as client:`` closes its transport."""

    _transport: AsyncTransport

    async def aclose(self) -> None:
        """Closes the client's own httpx client (one passed in as ``http_client`` stays open)."""
        await self._transport.close()

    async def __aenter__(self) -> Any:
        """The client itself."""
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        """Closes the client."""
        await self.aclose()

    def __repr__(self) -> str:
        """``ClientName(base_url='…')`` — never the key."""
        return f"{type(self).__name__}(base_url={self._transport.core.base_url!r})"
