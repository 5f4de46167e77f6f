"""Shipyard against `astro-triggers fakes` (ShipyardFakeTests; TypeScript: shipyard.test.ts), sync and async."""
from __future__ import annotations

import pytest

import astro_triggers as at
from astro_triggers.shipyard import VesselOverride

from .flavours import QUICK_WAIT, Flavour, ob, pages, raised

pytestmark = pytest.mark.asyncio


def _fleet(flavour: Flavour) -> tuple[str, str, str]:
    env = flavour.fakes.env
    return env("shipyard", "SHIPYARD_ORG_ID"), env("shipyard", "SHIPYARD_PROJECT_ID"), env("shipyard", "SHIPYARD_FLEET_ID")


async def test_start_with_overrides_wait_get_list_track_through_the_csv(flavour: Flavour) -> None:
    org, project, fleet = _fleet(flavour)
    async with flavour.client("shipyard") as client:
        run = await ob(client.fleet_runs.start(org, project, fleet, [
            VesselOverride(name="Load", environment_variable_overrides={"TARGET": "prod", "DRY_RUN": ""})]))
        assert (run.ids.org_id, run.ids.project_id, run.ids.fleet_id, run.ids.fleet_run_id) == (org, project, fleet, run.id)
        assert (run.status, run.value) == ("queued", None)
        done = await ob(run.wait_for_completion(**QUICK_WAIT))
        assert done.status == "succeeded" and done.value.fleet_log_id == run.id

        row = await ob(client.fleet_runs.get(org, project, fleet, run.id))
        assert row is not None and (row.fleet_log_id, row.status) == (run.id, done.raw_status)
        walked = await pages(client.fleet_runs.list(org, project, fleet))
        assert len(walked) == 1 and run.id in [r.fleet_log_id for r in walked[0].items]

        tracked = client.fleet_runs.track(org, project, fleet, run.id)
        assert await ob(tracked.update_status()) == "succeeded"
        assert tracked.can_cancel is False
        assert isinstance(await raised(lambda: tracked.cancel()), at.UnsupportedOperationError)
        assert await ob(client.fleet_runs.get(org, project, fleet, "no-such-run")) is None


async def test_a_run_the_fake_fails_ends_the_wait_with_run_failed_error(flavour: Flavour) -> None:
    flavour.fakes.admin("POST", "/fail-next", {"service": "shipyard", "count": 1})
    async with flavour.client("shipyard") as client:
        run = await ob(client.fleet_runs.start(*_fleet(flavour)))
        assert isinstance(await raised(lambda: run.wait_for_completion(**QUICK_WAIT)), at.RunFailedError)
        assert run.status == "failed" and run.raw_status
