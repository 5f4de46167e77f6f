"""The Python emitter's tests: they read the modules src/python/scripts/generate.sh wrote from openapi/ (run it
first; .ci/test does), imported from src/python/src."""

from __future__ import annotations

import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PYTHON_SRC = os.path.join(ROOT, "src", "python", "src")
GENERATED = os.path.join(PYTHON_SRC, "astro_triggers", "_generated")

if not os.path.exists(os.path.join(GENERATED, "_wire.py")):
    raise RuntimeError(f"{GENERATED} is missing: run src/python/scripts/generate.sh first")
if PYTHON_SRC not in sys.path:
    sys.path.insert(0, PYTHON_SRC)
