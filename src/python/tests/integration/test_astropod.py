"""Astropod against `astro-triggers fakes` (AstropodFakeTests; TypeScript: astropod.test.ts), sync and async."""
from __future__ import annotations

import pytest

import astro_triggers as at

from .flavours import Flavour, ob, pages, raised

pytestmark = pytest.mark.asyncio


async def test_deployments_sources_and_a_manual_ingestion(flavour: Flavour) -> None:
    account = flavour.fakes.env("astropod", "ASTROPOD_ACCOUNT")
    async with flavour.client("astropod") as client:
        deployments = await ob(client.deployments.list(account).to_list())
        assert [d.id for d in deployments] == [flavour.fakes.env("astropod", "ASTROPOD_DEPLOYMENT_ID")]
        deployment = deployments[0]
        assert deployment.created_at is not None and deployment.created_at.isoformat() == "2026-01-01T00:00:00+00:00"

        details = await ob(client.deployments.get(deployment.id))
        assert [w.component for w in details.workloads or []] == ["agent", "ingestion-docs_sync", "ingestion-nightly_crawl"]

        walked = await pages(client.deployments.list_ingestion_sources(deployment.id))
        assert len(walked) == 1 and walked[0].has_more is False
        assert [(s.name, s.component, s.schedule) for s in walked[0].items] == [
            ("docs_sync", "ingestion-docs_sync", None), ("nightly_crawl", "ingestion-nightly_crawl", "0 2 * * *")]

        first = await ob(client.ingestions.start(deployment.namespace, "docs_sync", account))
        second = await ob(client.ingestions.start(deployment.namespace, "docs_sync", account))
        assert (first.status, first.namespace, first.ingestion, first.has_status_source) == (
            "triggered", deployment.namespace, "docs_sync", False)
        assert first.job_name.startswith("ingestion-docs-sync-manual-") and second.job_name != first.job_name


async def test_the_fakes_refusals_arrive_typed(flavour: Flavour) -> None:
    account = flavour.fakes.env("astropod", "ASTROPOD_ACCOUNT")
    async with flavour.client("astropod") as client:
        [deployment] = await ob(client.deployments.list(account).to_list())
        scheduled = await raised(lambda: client.ingestions.start(deployment.namespace, "nightly_crawl", account))
        assert isinstance(scheduled, at.BadRequestError)
        assert (scheduled.status, scheduled.error_code, scheduled.may_have_been_processed) == (400, "BAD_REQUEST", False)
        assert isinstance(await raised(lambda: client.deployments.list("someone-else").to_list()), at.ForbiddenError)
        assert isinstance(await raised(lambda: client.ingestions.start(deployment.namespace, "docs_sync", "someone-else")),
                          at.ForbiddenError)
        assert isinstance(await raised(lambda: client.deployments.get("dep-missing")), at.NotFoundError)
        assert isinstance(await raised(lambda: client.deployments.list_ingestion_sources("dep-missing").to_list()),
                          at.NotFoundError)
        missing = await raised(lambda: client.ingestions.start(deployment.namespace, "no_such_source", account))
        assert isinstance(missing, at.NotFoundError) and (missing.status, missing.error_code) == (404, "NOT_FOUND")
