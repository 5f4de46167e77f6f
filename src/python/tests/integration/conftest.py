"""Each integration test runs with the sync and with the async clients (``flavour``) against one session's fakes."""
from __future__ import annotations

import pytest

from ..support.fakes import Fakes
from .flavours import Flavour


@pytest.fixture(params=["sync", "async"])
def flavour(request: pytest.FixtureRequest, fakes: Fakes) -> Flavour:
    return Flavour(request.param, fakes)
