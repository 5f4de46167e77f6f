from __future__ import annotations

import platform
import sys
from importlib import metadata


def _version() -> str:
    try:
        return metadata.version("astro-triggers")
    except metadata.PackageNotFoundError:
        return "0.0.0"


USER_AGENT = (f"astro-triggers-sdk-python/{_version()} "
              f"(Python {platform.python_version()}; {sys.platform})")
"""``astro-triggers-sdk-python/<version> (Python <version>; <platform>)``, sent on every request."""
