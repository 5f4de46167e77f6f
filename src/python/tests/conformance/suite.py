"""The language-neutral suite in ``tests/conformance/`` (its README): rule files, scenarios, accepted differences."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _find_root() -> Path:
    for folder in Path(__file__).resolve().parents:
        if (folder / "Astro.Triggers.Sdk.sln").exists():
            return folder
    raise RuntimeError("No Astro.Triggers.Sdk.sln above the Python package: cannot find tests/conformance.")


REPO_ROOT = _find_root()
CONFORMANCE = REPO_ROOT / "tests" / "conformance"


def load_rule_files() -> list[dict[str, Any]]:
    """Every rules/*.json, each with its ``file`` name, sorted."""
    files = []
    for path in sorted((CONFORMANCE / "rules").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["file"] = path.stem
        files.append(data)
    return files


def load_accepted(language: str = "python") -> dict[str, str]:
    """``case id → reason`` from accepted-differences/<language>.json; a case listed twice fails."""
    path = CONFORMANCE / "accepted-differences" / f"{language}.json"
    result: dict[str, str] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        if entry["case"] in result:
            raise AssertionError(f"{path} lists {entry['case']} twice.")
        result[entry["case"]] = entry["reason"]
    return result


def json_equal(a: Any, b: Any) -> bool:
    """The suite's comparison: values equal as JSON (numbers by value, booleans apart from numbers, key order ignored,
    array order kept); an object must name exactly the other's keys."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b
