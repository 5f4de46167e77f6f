"""Build hook: the wheel and sdist must contain astro_triggers/_generated, which is generated, not committed."""

from __future__ import annotations

import os
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        generated = os.path.join(self.root, "src", "astro_triggers", "_generated", "_wire.py")
        if not os.path.exists(generated):
            # From a checkout, generating needs the .NET SDK; an sdist already carries the files.
            raise RuntimeError(
                "src/astro_triggers/_generated is missing: run src/python/scripts/generate.sh first "
                "(it runs the project's generator on openapi/*.yaml)"
            )
        if not os.path.exists(os.path.join(self.root, "LICENSE")):
            # A checkout has it one level up (the repository's); scripts/build.sh copies it in, an sdist carries it.
            raise RuntimeError("LICENSE is missing beside pyproject.toml: build with src/python/scripts/build.sh")
