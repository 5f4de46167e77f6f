"""TrueFoundry against `astro-triggers fakes` (TrueFoundryFakeTests; TypeScript: truefoundry.test.ts), sync and async."""
from __future__ import annotations

from typing import Any

import pytest

import astro_triggers as at
from astro_triggers.truefoundry import TriggerJobRequest

from .flavours import QUICK_WAIT, Flavour, ob, pages, raised

pytestmark = pytest.mark.asyncio
TERMINATING = {"TERMINATION_REQUESTED", "TERMINATING", "TERMINATED"}


async def test_start_wait_get_list_track_and_the_417_for_a_finished_run(flavour: Flavour) -> None:
    application_id = flavour.fakes.env("truefoundry", "TFY_APPLICATION_ID")
    async with flavour.client("truefoundry") as client:
        run = await ob(client.job_runs.start({"applicationId": application_id,
                                              "input": {"command": "python etl.py", "params": {"day": "2026-11-30"}}}))
        assert (run.status, run.raw_status, run.application_id, run.message) == (
            "queued", "CREATED", application_id, "Job triggered")
        done = await ob(run.wait_for_completion(**QUICK_WAIT))
        assert (done.status, done.raw_status, done.value.name) == ("succeeded", "FINISHED", run.id)

        read = await ob(client.job_runs.get(application_id, run.id))
        assert (read.name, read.status) == (run.id, "FINISHED")
        finished = await ob(client.job_runs.list(application_id, statuses=["FINISHED"]).to_list())
        assert run.id in [r.name for r in finished] and all(r.status == "FINISHED" for r in finished)

        await ob(client.job_runs.start(TriggerJobRequest(application_id=application_id)))
        walked = await pages(client.job_runs.list(application_id, page_size=1))
        assert len(walked) >= 2 and walked[0].continuation_token == "1"
        assert len({r.name for p in walked for r in p.items}) == len(walked)

        tracked = client.job_runs.track(application_id, run.id)
        assert await ob(tracked.update_status()) == "succeeded"
        late = await raised(lambda: client.job_runs.cancel(tracked.value.deployment_id, run.id))
        assert isinstance(late, at.UnexpectedStatusError) and (late.status, late.error_code) == (417, "EXPECTATION_FAILED")


async def test_cancel_a_running_run_and_cancel_by_deployment_id(flavour: Flavour) -> None:
    application_id = flavour.fakes.env("truefoundry", "TFY_APPLICATION_ID")
    deployment_id = flavour.fakes.env("truefoundry", "TFY_DEPLOYMENT_ID")
    async with flavour.client("truefoundry") as client:
        # A --fast run finishes 600 ms after it starts; on a busy machine the terminate may come later (417), so a
        # late one is tried again with a new run, at most three times.
        late: Any = None
        for _ in range(3):
            run = await ob(client.job_runs.start({"applicationId": application_id, "input": {"command": "sleep 60"}}))
            assert run.can_cancel
            try:
                await ob(run.cancel())
                late = None
                break
            except at.UnexpectedStatusError as error:
                assert error.status == 417
                late = error
        assert late is None
        assert run.status == "cancelled" and run.raw_status in TERMINATING
        assert isinstance(await raised(lambda: run.wait_for_completion(**QUICK_WAIT)), at.RunFailedError)

        other = await ob(client.job_runs.start({"applicationId": application_id}))
        answer = await ob(client.job_runs.cancel(deployment_id, other.id))
        assert answer.message == "Termination requested" and answer.job_run_status in TERMINATING
        stopped = await ob(client.job_runs.track(application_id, other.id)
                           .wait_for_completion(**QUICK_WAIT, raise_on_failure=False))
        assert stopped.status == "cancelled" and stopped.value.status in TERMINATING


async def test_a_run_started_by_deployment_is_followed_with_track_then_deleted(flavour: Flavour) -> None:
    application_id = flavour.fakes.env("truefoundry", "TFY_APPLICATION_ID")
    async with flavour.client("truefoundry") as client:
        run = await ob(client.job_runs.start({"deploymentId": flavour.fakes.env("truefoundry", "TFY_DEPLOYMENT_ID")}))
        # Started by deployment id, the run's application is unknown: its status cannot be read through it.
        assert isinstance(await raised(lambda: run.update_status()), at.UnsupportedOperationError)
        followed = await ob(client.job_runs.track(application_id, run.id).wait_for_completion(**QUICK_WAIT))
        assert followed.value.status == "FINISHED"
        await ob(client.job_runs.delete(application_id, run.id))
        assert isinstance(await raised(lambda: client.job_runs.get(application_id, run.id)), at.NotFoundError)
        assert run.id not in [r.name for r in await ob(client.job_runs.list(application_id).to_list())]


async def test_a_run_the_fake_fails_ends_the_wait_with_run_failed_error(flavour: Flavour) -> None:
    flavour.fakes.admin("POST", "/fail-next", {"service": "truefoundry", "count": 1, "error": "OOMKilled"})
    async with flavour.client("truefoundry") as client:
        run = await ob(client.job_runs.start({"applicationId": flavour.fakes.env("truefoundry", "TFY_APPLICATION_ID")}))
        assert isinstance(await raised(lambda: run.wait_for_completion(**QUICK_WAIT)), at.RunFailedError)
        assert (run.status, run.raw_status, run.error_message) == ("failed", "FAILED", "OOMKilled")
