"""Mixpeek against `astro-triggers fakes` (MixpeekFakeTests; TypeScript: mixpeek.test.ts), sync and async."""
from __future__ import annotations

from typing import Any

import pytest

import astro_triggers as at
from astro_triggers.mixpeek import UpdateTriggerRequest

from .flavours import QUICK_WAIT, Flavour, ob, pages, raised

pytestmark = pytest.mark.asyncio


def _daily(cluster: str) -> dict[str, Any]:
    return {"action_type": "cluster", "action_config": {"cluster_id": cluster}, "trigger_type": "cron",
            "schedule_config": {"cron_expression": "0 2 * * *", "timezone": "Europe/Berlin"},
            "description": "Daily clustering"}


async def test_trigger_lifecycle_and_an_execution_followed_to_the_end(flavour: Flavour) -> None:
    cluster = f"clust_lifecycle_{flavour}"
    async with flavour.client("mixpeek") as client:
        trigger = await ob(client.triggers.create(_daily(cluster)))
        assert (trigger.status, trigger.action_type, trigger.execution_count) == ("active", "cluster", 0)
        assert (await ob(client.triggers.get(trigger.trigger_id))).description == "Daily clustering"
        listed = await ob(client.triggers.list(action_type="cluster", resource_id=cluster).to_list())
        assert [t.trigger_id for t in listed] == [trigger.trigger_id]

        updated = await ob(client.triggers.update(trigger.trigger_id, UpdateTriggerRequest(description="Nightly clustering")))
        assert updated.description == "Nightly clustering"
        assert (await ob(client.triggers.pause(trigger.trigger_id))).status == "paused"
        refused = await raised(lambda: client.executions.start(trigger.trigger_id))
        assert isinstance(refused, at.BadRequestError)
        assert (refused.status, refused.error_code, refused.may_have_been_processed) == (400, "BadRequestError", False)
        assert (await ob(client.triggers.resume(trigger.trigger_id))).status == "active"

        run = await ob(client.executions.start(trigger.trigger_id))
        assert (run.status, run.raw_status, run.can_cancel) == ("queued", "PENDING", True)
        done = await ob(run.wait_for_completion(**QUICK_WAIT))
        assert (done.status, done.value.status, done.value.task_id) == ("succeeded", "COMPLETED", run.id)
        assert (await ob(client.executions.get(run.id))).status == "COMPLETED"
        assert await ob(client.executions.track(run.id).update_status()) == "succeeded"

        history = await ob(client.executions.list(trigger.trigger_id).to_list())
        assert [(e.task_id, e.status) for e in history] == [(run.id, "COMPLETED")]
        assert (await ob(client.triggers.get(trigger.trigger_id))).execution_count == 1

        await ob(client.triggers.delete(trigger.trigger_id))
        gone = await raised(lambda: client.triggers.get(trigger.trigger_id))
        assert isinstance(gone, at.NotFoundError) and (gone.status, gone.error_code) == (404, "NotFoundError")


async def test_cancel_kills_the_task_and_history_pages_by_offset(flavour: Flavour) -> None:
    async with flavour.client("mixpeek") as client:
        trigger = await ob(client.triggers.create(_daily(f"clust_cancel_{flavour}")))
        # A --fast task finishes 300 ms after it starts; on a busy machine the kill may come later (the fake then
        # answers success and leaves the task COMPLETED), so a late kill is tried again, at most three times.
        for _ in range(3):
            run = await ob(client.executions.start(trigger.trigger_id))
            await ob(run.cancel())
            if run.raw_status != "COMPLETED":
                break
        assert (run.status, run.raw_status) == ("cancelled", "CANCELED")
        assert isinstance(await raised(lambda: run.wait_for_completion(**QUICK_WAIT)), at.RunFailedError)
        await ob(client.executions.cancel(run.id))
        assert (await ob(client.executions.get(run.id))).status == "CANCELED"

        second = await ob(client.executions.start(trigger.trigger_id))
        await ob(second.wait_for_completion(**QUICK_WAIT))
        walked = await pages(client.executions.list(trigger.trigger_id, page_size=1))
        assert [[(e.task_id, e.status) for e in p.items] for p in walked][:2] == [[(second.id, "COMPLETED")],
                                                                                  [(run.id, "CANCELED")]]
        assert walked[0].continuation_token == "1"
        await ob(client.triggers.delete(trigger.trigger_id))


async def test_a_failed_execution_the_fakes_422_and_404s(flavour: Flavour) -> None:
    async with flavour.client("mixpeek") as client:
        trigger = await ob(client.triggers.create(_daily(f"clust_fail_{flavour}")))
        flavour.fakes.admin("POST", "/fail-next", {"service": "mixpeek", "count": 1,
                                                   "error": "Clustering failed: no documents"})
        run = await ob(client.executions.start(trigger.trigger_id))
        assert isinstance(await raised(lambda: run.wait_for_completion(**QUICK_WAIT)), at.RunFailedError)
        assert (run.status, run.raw_status, run.error_message) == ("failed", "FAILED", "Clustering failed: no documents")
        history = await ob(client.executions.list(trigger.trigger_id).to_list())
        assert (history[0].task_id, history[0].status) == (run.id, "FAILED")

        invalid = await raised(lambda: client.triggers.create({**_daily("x"), "action_config": {}}))
        assert isinstance(invalid, at.UnprocessableEntityError)
        assert list(invalid.validation_issues[0].location) == ["body", "action_config", "cluster_id"]
        assert isinstance(await raised(lambda: client.executions.get("task_missing")), at.NotFoundError)
        assert isinstance(await raised(lambda: client.executions.start("trg_missing")), at.NotFoundError)
        await ob(client.triggers.delete(trigger.trigger_id))
