"""Runs every case of tests/conformance/rules/*.json against the Python client (issue 29). A case passes when the
adapter's answer equals its ``expected``; a case listed in accepted-differences/python.json must still differ (so a
fixed drift fails until its entry is removed); a rule no adapter knows fails."""
from __future__ import annotations

import asyncio
import inspect
import json
from typing import Any

import pytest

from .adapters import ADAPTERS
from .suite import json_equal, load_accepted, load_rule_files

FILES = load_rule_files()
ACCEPTED = load_accepted("python")
CASES = [pytest.param(f, c, id=f"{f['file']}/{c['name']}") for f in FILES for c in f["cases"]]


def _run(rule: str, case_input: dict[str, Any]) -> dict[str, Any]:
    adapter = ADAPTERS.get(rule)
    assert adapter is not None, f"rule {rule!r} (tests/conformance/rules/{rule}.json) has no Python adapter"
    try:
        answer = adapter(case_input)
        if inspect.isawaitable(answer):
            answer = asyncio.run(answer)  # type: ignore[arg-type]
        return answer  # type: ignore[return-value]
    except Exception as error:  # the case then differs, with the error to read
        return {"exception": f"{type(error).__name__}: {error}"}


@pytest.mark.parametrize(("rule_file", "case"), CASES)
def test_rule_case(rule_file: dict[str, Any], case: dict[str, Any]) -> None:
    case_id = f"{rule_file['file']}/{case['name']}"
    actual = _run(rule_file["rule"], case["input"])
    reason = ACCEPTED.get(case_id)
    if reason is not None:
        assert not json_equal(case["expected"], actual), (
            f"{case_id} is listed in tests/conformance/accepted-differences/python.json ({reason}) but now passes: "
            "remove it from the list")
    else:
        assert json_equal(case["expected"], actual), (
            f"{case_id}: the Python client differs from the suite\nexpected {json.dumps(case['expected'])}\n"
            f"actual   {json.dumps(actual)}")


def test_rule_files_are_well_formed() -> None:
    assert FILES
    for f in FILES:
        assert f["rule"] == f["file"], "a rule file is named after its rule"
        assert f["description"].strip(), f"{f['file']}.json says what its rule is"
        names = [c["name"] for c in f["cases"]]
        assert len(set(names)) == len(names), f"case names are unique within {f['file']}.json"


def test_every_accepted_difference_names_a_case_and_a_reason() -> None:
    ids = {f"{f['file']}/{c['name']}" for f in FILES for c in f["cases"]}
    for case_id, reason in ACCEPTED.items():
        if case_id.startswith("scenario/"):
            continue  # test_scenarios checks those
        assert case_id in ids, f"accepted-differences/python.json lists {case_id}, which is not a case"
        assert reason.strip(), f"{case_id} says why Python differs"
