"""The model factories' run handles: a final state waits at once (a failed one raises RunFailedError), any other state
raises UnsupportedOperationError on wait and cancel (no client is behind them), sync and async."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest

import astro_triggers as at
from astro_triggers.agentset import AgentsetModelFactory, IngestJob
from astro_triggers.astropod import AstropodModelFactory
from astro_triggers.mixpeek import MixpeekModelFactory, TriggerTask
from astro_triggers.shipyard import FleetRunIdentity, ShipyardModelFactory
from astro_triggers.truefoundry import JobRun, TrueFoundryModelFactory


def job(status: str) -> IngestJob:
    return IngestJob.from_json({"id": "job_1", "namespaceId": "ns_1", "status": status,
                                "payload": {"type": "TEXT", "text": "hi"}, "createdAt": "2026-11-30T10:00:00Z"})


def task(status: str) -> TriggerTask:
    return TriggerTask.from_json({"task_id": "t_1", "task_type": "trigger", "status": status})


IDS = FleetRunIdentity(None, "org", "proj", "fleet", "fr_1", None)


def test_agentset_final_run_waits_at_once_and_failed_raises() -> None:
    run = AgentsetModelFactory.ingest_job_run(job("COMPLETED"))
    assert run.wait_for_completion() is run and run.status == "succeeded" and run.id == "job_1"
    with pytest.raises(at.RunFailedError):
        AgentsetModelFactory.ingest_job_run(job("FAILED")).wait_for_completion()
    assert AgentsetModelFactory.ingest_job_run(job("FAILED")).wait_for_completion(raise_on_failure=False).status == "failed"


def test_a_running_handle_raises_on_wait_and_cancel_naming_the_factory() -> None:
    runs: list[at.TriggeredRun[Any]] = [AgentsetModelFactory.ingest_job_run(job("PROCESSING")),
                MixpeekModelFactory.trigger_execution_run(task("PROCESSING")),
                TrueFoundryModelFactory.true_foundry_job_run(JobRun(name="run-1", status="RUNNING")),
                ShipyardModelFactory.shipyard_fleet_run(IDS, None)]
    for run in runs:
        with pytest.raises(at.UnsupportedOperationError) as raised:
            run.wait_for_completion()
        assert "ModelFactory" in str(raised.value)
        with pytest.raises(at.UnsupportedOperationError):
            run.cancel()


def test_async_handles_behave_the_same() -> None:
    async def go() -> None:
        done = await MixpeekModelFactory.async_trigger_execution_run(task("COMPLETED")).wait_for_completion()
        assert done.status == "succeeded"
        with pytest.raises(at.RunFailedError):
            await AgentsetModelFactory.async_ingest_job_run(job("FAILED")).wait_for_completion()
        running = TrueFoundryModelFactory.async_true_foundry_job_run(JobRun(name="run-1", status="RUNNING"), "app")
        assert running.application_id == "app"
        with pytest.raises(at.UnsupportedOperationError):
            await running.wait_for_completion()
        with pytest.raises(at.UnsupportedOperationError):
            await running.cancel()
        fleet = ShipyardModelFactory.async_shipyard_fleet_run(
            IDS, ShipyardModelFactory.fleet_run_record(fleet_log_id="fr_1", status="Success"))
        assert (await fleet.wait_for_completion()).status == "succeeded"
    asyncio.run(go())


def test_records_triggers_and_blank_ids() -> None:
    record = ShipyardModelFactory.fleet_run_record(fleet_log_id="fr_1", status="Errored", columns={"Vessel": "v"})
    assert (record.fleet_log_id, record.status, record.columns["Vessel"]) == ("fr_1", "Errored", "v")
    trigger = AstropodModelFactory.ingestion_trigger("docs", job_name="job-7")
    assert (trigger.status, trigger.job_name, trigger.ingestion, trigger.has_status_source) == (
        "triggered", "job-7", "docs", False)
    with pytest.raises(at.InvalidArgumentError) as raised:
        TrueFoundryModelFactory.true_foundry_job_run(JobRun(name=" "))
    assert raised.value.argument == "run.name"
    with pytest.raises(at.InvalidArgumentError):
        AstropodModelFactory.ingestion_trigger(" ")
