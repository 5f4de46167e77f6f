"""The Python public surface for the vocabulary check (tests/conformance/vocabulary/, issue 29): what a user can
import — the ``__all__`` of ``astro_triggers`` and of its service packages — and, for each exported class, the public
members it declares. Shared by test_vocabulary.py (the check) and tests/conformance/vocabulary/generate.mjs (which
runs this file as a script and reads its JSON), so both see the same names, as vocabularySurface.mjs is for TypeScript.

A member is "declared" by the exported class that a user sees it on: its own attributes, dataclass fields,
properties, methods and the ``self.x = ...`` assignments of its ``__init__``, together with what it inherits from a
base that is not exported itself (the clients' ``close`` comes from an internal base class, yet a user calls it on
``AgentsetClient``). What an exported base declares belongs to that base, as in the TypeScript and C# surfaces.
Dunders are left out, but for ``__iter__``/``__aiter__``: iterating a pageable is the concept C#'s
``GetAsyncEnumerator`` names. Run from ``src/python`` or anywhere: it imports ``src/astro_triggers`` of this checkout.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[2] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

PACKAGE = "astro_triggers"
SERVICES = ("agentset", "astropod", "mixpeek", "shipyard", "truefoundry")
KEPT_DUNDERS = frozenset({"__iter__", "__aiter__"})


def _public(name: str) -> bool:
    return name in KEPT_DUNDERS or not name.startswith("_")


def _init_assignments(cls: type) -> set[str]:
    """The public ``self.x`` an ``__init__`` written in ``cls`` itself assigns (instance attributes live nowhere else)."""
    init = cls.__dict__.get("__init__")
    if init is None or not inspect.isfunction(init):
        return set()
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(init)))
    except (OSError, TypeError, SyntaxError):
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                names.add(target.attr)
    return names


def _declared(cls: type) -> set[str]:
    names = {n for n in vars(cls) if n not in ("__init__",)}
    names |= set(vars(cls).get("__annotations__", {}))
    names |= _init_assignments(cls)
    return {n for n in names if _public(n)}


def exported() -> dict[str, tuple[str, Any]]:
    """name → (module that exports it, object), over the package and its service packages; a name exported twice
    must be the same object (the vocabulary names a type by its simple name, as C# and TypeScript do)."""
    found: dict[str, tuple[str, Any]] = {}
    for module_name in (PACKAGE, *(f"{PACKAGE}.{s}" for s in SERVICES)):
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__"):
            value = getattr(module, name)
            if name in found and found[name][1] is not value:
                raise AssertionError(f"{name} is exported by {found[name][0]} and {module_name} as two objects")
            found.setdefault(name, (module_name, value))
    return found


def _signature_keywords(function: Any) -> list[str]:
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters if p.name != "self" and p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)]


def surface() -> list[dict[str, Any]]:
    """Every export, sorted by name: ``{name, module, kind, members, bases, keywords, memberKeywords}``. ``kind`` is
    class, function, type (a typing alias) or variable; ``keywords`` are a class's constructor parameters,
    ``memberKeywords`` each method's — the names ``Type(keyword=)`` and ``Type.method(keyword=)`` refer to."""
    found = exported()
    exported_classes = {id(v) for _, v in found.values() if inspect.isclass(v)}
    result: list[dict[str, Any]] = []
    for name, (module, value) in sorted(found.items()):
        entry: dict[str, Any] = {"name": name, "module": module, "members": [], "bases": [], "keywords": [],
                                 "memberKeywords": {}}
        if inspect.isclass(value):
            entry["kind"] = "class"
            members = _declared(value)
            for base in value.__mro__[1:]:
                if base.__module__.split(".")[0] != PACKAGE:
                    continue
                if id(base) in exported_classes:
                    entry["bases"].append(base.__name__)
                else:
                    members |= _declared(base)
            entry["members"] = sorted(members)
            entry["keywords"] = _signature_keywords(value)
            entry["memberKeywords"] = {m: _signature_keywords(getattr(value, m)) for m in entry["members"]
                                       if callable(inspect.getattr_static(value, m, None))
                                       and not isinstance(inspect.getattr_static(value, m), (property, type))}
        elif inspect.isfunction(value):
            entry["kind"] = "function"
            entry["keywords"] = _signature_keywords(value)
        elif inspect.ismodule(value):
            continue
        elif type(value).__module__ in ("typing", "types", "collections.abc") or hasattr(value, "__origin__"):
            entry["kind"] = "type"
        else:
            entry["kind"] = "variable"
        result.append(entry)
    return result


if __name__ == "__main__":
    json.dump(surface(), sys.stdout, indent=1)
    sys.stdout.write("\n")
