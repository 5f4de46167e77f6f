"""The Python half of the vocabulary check (tests/conformance/README.md, "Vocabulary"; issue 29 §6): every public name
of ``astro_triggers`` — the ``__all__`` of the package and of its service packages, and every public member of an
exported class whose kind is checked (clients, sub-clients, options, errors, run handles, paging, status mappings) —
has an entry in tests/conformance/vocabulary/vocabulary.json, and every Python name the map gives still exists. The
C# half is tests/Astro.Triggers.Sdk.Tests/Conformance/Vocabulary/VocabularyTests.cs, the TypeScript half
src/typescript/test/conformance/vocabulary.test.ts; the names and notations are the map's "conventions"."""
from __future__ import annotations

import json
import re
from typing import Any

from .suite import CONFORMANCE
from .vocabulary_surface import surface

MAP_PATH = "tests/conformance/vocabulary/vocabulary.json"
VOCABULARY: dict[str, Any] = json.loads((CONFORMANCE / "vocabulary" / "vocabulary.json").read_text(encoding="utf-8"))
ENTRIES: list[dict[str, Any]] = [*VOCABULARY["concepts"], *VOCABULARY["accepted"]]
MEMBER_KINDS: list[str] = VOCABULARY["memberKinds"]
SURFACE = {e["name"]: e for e in surface()}
HOW_TO_ADD = ('add it to "concepts" with its C#, TypeScript and CLI names, or to "accepted" with "drift" and a reason '
              '(node tests/conformance/vocabulary/generate.mjs drafts the entry; see tests/conformance/README.md, '
              '"Vocabulary")')
# What an async twin spells otherwise (the map names the sync flavour; the twin's members are checked against it).
TWIN_RENAMES = {"close": "aclose", "__iter__": "__aiter__"}
SERVICE_CLIENTS = sorted(n for n, e in SURFACE.items()
                         if e["kind"] == "class" and n.endswith("Client") and not n.startswith("Async")
                         and "api_key" in e["keywords"])
CALL = re.compile(r"^(?P<owner>[^(]+)\((?:(?P<keyword>[a-z_0-9]+)=|\.\.\.)\)$")


def _names() -> set[str]:
    return {n for e in ENTRIES for n in (e.get("python"), e.get("pythonAsync")) if n}


def _sync_twin(name: str) -> str | None:
    """``AsyncX`` → ``X`` when both are exported (the async flavour of a client, sub-client, run handle, pageable)."""
    return name[5:] if name.startswith("Async") and name[5:] in SURFACE else None


def _kind(name: str) -> str | None:
    return next((e["kind"] for e in ENTRIES if "kind" in e and name in (e.get("python"), e.get("pythonAsync"))), None)


def _exists(name: str) -> bool:
    """Whether a name of the map is on the surface, in any of the map's Python notations."""
    if name.startswith("*Client"):
        return bool(SERVICE_CLIENTS) and all(_exists(client + name[len("*Client"):]) for client in SERVICE_CLIENTS)
    call = CALL.match(name)
    if call:
        owner, _, method = call["owner"].partition(".")
        if owner not in SURFACE:
            return False
        keywords = SURFACE[owner]["memberKeywords"].get(method) if method else SURFACE[owner]["keywords"]
        return keywords is not None and (call["keyword"] is None or call["keyword"] in keywords)
    owner, _, member = name.partition(".")
    return owner in SURFACE and (not member or member in SURFACE[owner]["members"])


def test_every_python_export_and_every_member_of_a_checked_kind_has_an_entry() -> None:
    names = _names()
    problems: list[str] = []
    for name, exported in SURFACE.items():
        twin = _sync_twin(name)
        if twin is not None and exported["kind"] == "class":
            # The twin is named by its sync entry's "pythonAsync"; its members mirror the sync one's (next test).
            if not any(e.get("python") == twin and e.get("pythonAsync") == name for e in ENTRIES):
                problems.append(f"Python export '{name}' ({exported['module']}) is the async twin of '{twin}', but no "
                                f'entry with "python": "{twin}" says "pythonAsync": "{name}" in {MAP_PATH}.')
            continue
        if name not in names:
            problems.append(f"Python export '{name}' ({exported['module']}) has no entry in {MAP_PATH}: {HOW_TO_ADD}; "
                            'give it a "kind".')
            continue
        kind = _kind(name)
        if kind is None:
            if exported["members"]:
                problems.append(f"{MAP_PATH}: the entry for Python '{name}' has no \"kind\" (one of "
                                f"{', '.join(MEMBER_KINDS)} to have its members checked, or model, enum, ...).")
            continue
        if kind not in MEMBER_KINDS:
            continue
        for member in exported["members"]:
            full = f"{name}.{member}"
            if full in names or (name in SERVICE_CLIENTS and f"*Client.{member}" in names):
                continue
            problems.append(f"Python public member '{full}' (of a {kind} type) has no entry in {MAP_PATH}: {HOW_TO_ADD}.")
    assert not problems, "\n".join(problems)


def test_every_async_twin_has_the_members_and_keywords_of_its_sync_flavour() -> None:
    problems: list[str] = []
    for name, exported in SURFACE.items():
        twin = _sync_twin(name)
        if twin is None or exported["kind"] != "class":
            continue
        expected = sorted(TWIN_RENAMES.get(m, m) for m in SURFACE[twin]["members"])
        if exported["members"] != expected:
            problems.append(f"{name} declares {exported['members']}, its sync flavour {twin} {SURFACE[twin]['members']} "
                            f"(expected {expected}): the two flavours offer the same calls.")
        if exported["keywords"] != SURFACE[twin]["keywords"]:
            problems.append(f"{name}(...) takes {exported['keywords']}, {twin}(...) {SURFACE[twin]['keywords']}.")
        for method, keywords in SURFACE[twin]["memberKeywords"].items():
            theirs = exported["memberKeywords"].get(TWIN_RENAMES.get(method, method))
            if theirs != keywords:
                problems.append(f"{name}.{method} takes {theirs}, {twin}.{method} {keywords}.")
    assert not problems, "\n".join(problems)


def test_every_python_name_in_the_map_exists() -> None:
    problems = [
        f"{MAP_PATH} ({kind}[{i}]) names Python '{name}', which astro_triggers does not offer: rename the entry's "
        f'"{field}" to the new name, set it to null if only Python lost it (the entry then belongs in "accepted" with '
        "a reason), or remove the entry if the concept is gone everywhere."
        for kind in ("concepts", "accepted")
        for i, e in enumerate(VOCABULARY[kind])
        for field in ("python", "pythonAsync")
        if (name := e.get(field)) and not _exists(name)
    ]
    problems += [f"{MAP_PATH}: \"pythonAsync\": \"{e['pythonAsync']}\" is not the async twin of \"{e['python']}\" "
                 f"(Async{e['python']})." for e in ENTRIES if e.get("pythonAsync") and e["pythonAsync"] != f"Async{e['python']}"]
    assert not problems, "\n".join(problems)


def test_every_concept_has_a_python_name_and_every_drift_says_where() -> None:
    # A concept is the same thing in every language; a language without it makes the entry an accepted difference.
    problems = [f"{MAP_PATH}: the concept {e['csharp']} has no Python name: name it, or move the entry to "
                '"accepted" with the reason.' for e in VOCABULARY["concepts"] if not e.get("python")]
    problems += [f"{MAP_PATH}: the accepted difference for {e.get('csharp') or e.get('typescript') or e.get('python')} "
                 'needs "drift" (true or false) and a reason (not TODO).'
                 for e in VOCABULARY["accepted"]
                 if not isinstance(e.get("drift"), bool) or not e.get("reason") or str(e["reason"]).startswith("TODO")]
    problems += [f"{MAP_PATH}: the drift {e.get('csharp') or e.get('typescript')} names Python in \"driftIn\", yet the "
                 "entry gives a Python name: a name Python has is not Python's drift."
                 for e in VOCABULARY["accepted"] if e.get("drift") is True and "python" in e.get("driftIn", [])
                 and e.get("python")]
    assert not problems, "\n".join(problems)
