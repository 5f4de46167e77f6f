"""Runs every scenario of tests/conformance/scenarios/*.json against the Python client, in the sync and in the async
flavour, over the suite's shared scripted server (the .NET project, started once): the outcome (value fields, or the
error's kind and chosen fields), the requests the server saw and its mismatches. Accepted differences as for the rule
vectors, with ids ``scenario/<file>/<name>`` (both flavours). ASTRO_SKIP_INTEGRATION=1 (no .NET SDK) skips them."""
from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator
from typing import Any

import pytest

import astro_triggers as at

from .adapters.scenario_operations import OPERATIONS, Flavour
from .scenario_server import ScenarioServer
from .suite import CONFORMANCE, json_equal, load_accepted

FILES = [{"file": p.stem, **json.loads(p.read_text(encoding="utf-8"))}
         for p in sorted((CONFORMANCE / "scenarios").glob("*.json"))]
ACCEPTED = load_accepted("python")
SKIP = os.environ.get("ASTRO_SKIP_INTEGRATION") == "1"
SCENARIOS = [pytest.param(f, s, flavour, id=f"scenario/{f['file']}/{s['name']}[{flavour}]")
             for f in FILES for s in f["scenarios"] for flavour in ("sync", "async")]


def describe_error(error: BaseException, secret: str | None) -> dict[str, Any]:
    """The error in the suite's vocabulary (README, "Scenarios")."""
    kinds: list[tuple[type[BaseException], str]] = [
        (at.ServiceTimeoutError, "Timeout"), (at.TransportError, "Transport"), (at.ResponseTooLargeError, "TooLarge"),
        (at.ResponseDeserializationError, "Deserialization"), (at.PagingError, "Paging"),
        (at.InvalidArgumentError, "InvalidArgument"),
        # A paced refusal is a RateLimitExceededError (as C#'s and TypeScript's runners match it by its base).
        (at.RateLimitExceededError, "RateLimitExceeded")]
    kind = next((name for cls, name in kinds if isinstance(error, cls)), None)
    if kind is None:
        if isinstance(error, at.InternalServerError):
            kind = "InternalServerError"
        elif isinstance(error, at.AstroTriggersError):
            kind = type(error).__name__.removesuffix("Error")
        else:
            kind = f"unexpected {type(error).__name__}: {error}"
    result: dict[str, Any] = {"kind": kind}
    if isinstance(error, at.AstroTriggersError):
        result["status"] = error.status
        result["errorCode"] = error.error_code
        result["mayHaveBeenProcessed"] = error.may_have_been_processed
        result["serviceMessage"] = error.service_error if isinstance(error, at.RunFailedError) else error.service_message
        result["requestId"] = None if isinstance(error, at.RunFailedError) else error.request_id
    retry_after = error.retry_after if isinstance(error, at.ServiceRequestError) else None
    result["retryAfterMs"] = None if retry_after is None else round(retry_after * 1000)
    texts = [str(error), repr(error), getattr(error, "raw_body", None) or ""]
    result["secretAbsent"] = not secret or not any(secret in t for t in texts)
    return result


def compare(scenario: dict[str, Any], actual: dict[str, Any], report: dict[str, Any]) -> list[str]:
    differences: list[str] = []
    for part in ("value", "error"):
        wanted = scenario["outcome"].get(part)
        if wanted is None:
            continue
        got = actual.get(part)
        if got is None:
            differences.append(f"expected a {part}, got {json.dumps(actual, default=str)}")
            continue
        for name, value in wanted.items():
            if name not in got or not json_equal(value, got[name]):
                differences.append(f"{part}.{name} is {json.dumps(got.get(name, 'missing'), default=str)}, "
                                   f"expected {json.dumps(value)}")
    requests = scenario["outcome"].get("requests")
    if requests is None:
        requests = sum(1 for e in scenario["exchanges"] if e.get("fault") != "refuse-connection")
    if report["requests"] != requests:
        differences.append(f"the server saw {report['requests']} request(s), expected {requests}")
    return differences + list(report["mismatches"])


@pytest.fixture(scope="module")
def server() -> Iterator[ScenarioServer]:
    if SKIP:
        pytest.skip("ASTRO_SKIP_INTEGRATION=1: no .NET SDK for the scripted server")
    started = ScenarioServer()
    yield started
    started.stop()


async def _play(operation: Any, flavour: Flavour, scenario: dict[str, Any], client: dict[str, Any],
                url: str) -> dict[str, Any]:
    try:
        return {"value": await operation(flavour, scenario.get("arguments") or {}, client, url, scenario.get("wait"))}
    except Exception as error:  # the outcome to compare
        return {"error": describe_error(error, client.get("apiKey"))}
    finally:
        await flavour.close()


@pytest.mark.parametrize(("scenario_file", "scenario", "flavour"), SCENARIOS)
def test_scenario(server: ScenarioServer, scenario_file: dict[str, Any], scenario: dict[str, Any],
                  flavour: str) -> None:
    scenario_id = f"scenario/{scenario_file['file']}/{scenario['name']}"
    operation = OPERATIONS.get(scenario["operation"])
    assert operation is not None, f"operation {scenario['operation']!r} ({scenario_id}) has no Python adapter"
    client = {**(scenario_file.get("client") or {}), **(scenario.get("client") or {})}
    listener, url = server.begin(f"{scenario_file['file']}/{scenario['name']}")
    actual = asyncio.run(_play(operation, Flavour(flavour == "async"), scenario, client, url))
    differences = compare(scenario, actual, server.report(listener))
    reason = ACCEPTED.get(scenario_id)
    if reason is not None:
        assert differences, (f"{scenario_id} is listed in tests/conformance/accepted-differences/python.json "
                             f"({reason}) but now passes: remove it from the list")
    else:
        assert not differences, f"{scenario_id}: outcome {json.dumps(actual, default=str)}\n" + "\n".join(differences)


def test_every_accepted_scenario_difference_names_a_scenario_and_a_reason() -> None:
    ids = {f"scenario/{f['file']}/{s['name']}" for f in FILES for s in f["scenarios"]}
    for case_id, reason in ACCEPTED.items():
        if case_id.startswith("scenario/"):
            assert case_id in ids, f"accepted-differences/python.json lists {case_id}, which is not a scenario"
            assert reason.strip(), f"{case_id} says why Python differs"


def test_scenario_files_are_well_formed() -> None:
    ids = [f"{f['file']}/{s['name']}" for f in FILES for s in f["scenarios"]]
    assert ids and len(set(ids)) == len(ids), "scenario names are unique within their file"
    for f in FILES:
        for s in f["scenarios"]:
            assert s["description"].strip(), f"{f['file']}/{s['name']} says what it pins"
            assert s["operation"] in OPERATIONS, f"{f['file']}/{s['name']}: {s['operation']} has a Python adapter"
