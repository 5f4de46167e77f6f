"""Every ```python block of README.md and src/python/README.md is type-checked with ``mypy --strict`` as a user's
script and run against `astro-triggers fakes` — as src/typescript/test/readme/readmeSnippets.test.ts does for the
TypeScript README and tests/…/Readme/ for C# — so a snippet that stops type-checking or running fails here, not for a
user who pasted it; a wrong snippet is fixed in the README.

The convention (the README stays readable): an HTML comment right before a block, invisible on the rendered page,
    <!-- snippet: type-check only (why)
    declarations of the names the prose calls the reader's own (saved, token, ...)
    -->
prepends its lines after the first to the block, and "type-check only" keeps it from running (a block that needs the
real services). Any other block runs as a script, with the fakes' environment (AGENTSET_BASE_URL, AGENTSET_API_KEY,
AGENTSET_NAMESPACE_ID, ... — what `astro-triggers fakes --env-file` writes) and must print something and exit 0.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..support.fakes import Fakes

PYTHON_DIR = Path(__file__).resolve().parents[2]
REPO_ROOT = PYTHON_DIR.parents[1]
READMES = [REPO_ROOT / "README.md", PYTHON_DIR / "README.md"]
BLOCK = re.compile(r"(?:<!--\s*snippet:([^\n]*)\n(.*?)-->\s*\n)?```python\n(.*?)```", re.S)


@dataclass(frozen=True)
class Snippet:
    name: str
    code: str
    preamble: str
    runs: bool


def extract(markdown: str, file: str) -> list[Snippet]:
    snippets = []
    for match in BLOCK.finditer(markdown):
        line = markdown[: match.start(3)].count("\n")
        snippets.append(Snippet(f"{file}:{line}", match[3], match[2] or "", "type-check only" not in (match[1] or "")))
    return snippets


SNIPPETS = [s for path in READMES for s in extract(path.read_text(encoding="utf-8"), str(path.relative_to(REPO_ROOT)))]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("readme")
    for i, snippet in enumerate(SNIPPETS):
        (work / f"snippet{i}.py").write_text(snippet.preamble + snippet.code, encoding="utf-8")
    return work


@pytest.fixture(scope="module")
def mypy_output(folder: Path) -> str:
    # One mypy run over every snippet (it is slow to start); the package comes from this checkout's src/.
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull,
                             "--python-version", "3.11", *sorted(p.name for p in folder.glob("snippet*.py"))],
                            cwd=folder, env={**os.environ, "MYPYPATH": str(PYTHON_DIR / "src")},
                            capture_output=True, text=True, check=False)
    return result.stdout + result.stderr


def test_finds_the_blocks() -> None:
    assert len(SNIPPETS) >= 2, SNIPPETS
    assert any(s.name.startswith("README.md") for s in SNIPPETS) and any(s.name.startswith("src/python") for s in SNIPPETS)


@pytest.mark.parametrize("index", range(len(SNIPPETS)), ids=[s.name for s in SNIPPETS])
def test_type_checks_under_mypy_strict(index: int, mypy_output: str) -> None:
    own = [line for line in mypy_output.splitlines() if line.startswith(f"snippet{index}.py:")]
    assert own == [], "\n".join(own)
    # Nothing outside the snippets either: the package a snippet imports is checked as it is.
    elsewhere = [line for line in mypy_output.splitlines() if ": error:" in line and not line.startswith("snippet")]
    assert elsewhere == [], "\n".join(elsewhere)


RUNNABLE = [i for i, s in enumerate(SNIPPETS) if s.runs]


@pytest.mark.parametrize("index", RUNNABLE, ids=[SNIPPETS[i].name for i in RUNNABLE])
def test_runs_against_the_fakes(index: int, folder: Path, fakes: Fakes) -> None:
    env = {**os.environ, "PYTHONPATH": str(PYTHON_DIR / "src")}
    for service in fakes.document["services"].values():
        env.update(service["env"])
    result = subprocess.run([sys.executable, f"snippet{index}.py"], cwd=folder, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() != ""
