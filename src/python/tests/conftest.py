"""Makes ``src/`` importable when the package is not installed (``cd src/python && python3 -m pytest``)."""
from __future__ import annotations

import sys
from pathlib import Path

_SRC = Path(__file__).resolve().parent.parent / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))


import pytest  # noqa: E402

from .support.fakes import SKIP_REASON, Fakes, skipped  # noqa: E402


@pytest.fixture(scope="session")
def fakes():  # type: ignore[no-untyped-def]
    """One `astro-triggers fakes` for the session (tests/support/fakes.py says where it comes from); skips the test
    when ASTRO_SKIP_INTEGRATION=1. Tests create their own jobs, runs and triggers and find them by id."""
    if skipped():
        pytest.skip(SKIP_REASON)
    running = Fakes()
    yield running
    running.stop()
