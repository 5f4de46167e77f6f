"""Agentset against `astro-triggers fakes` (AgentsetFakeTests; the TypeScript twin is
src/typescript/test/integration/agentset.test.ts), sync and async. Only this file talks to the Agentset fake, so a
fault set through the admin route is taken by this file's requests alone (tests run one after another)."""
from __future__ import annotations

import uuid

import pytest

import astro_triggers as at
from astro_triggers.agentset import CreateIngestJobRequest, TextPayload

from ..support.recording_clock import RecordingClock
from .flavours import QUICK_WAIT, Flavour, first_page, ob, pages, raised

pytestmark = pytest.mark.asyncio


async def test_start_wait_get_list_track_with_real_cursors(flavour: Flavour) -> None:
    async with flavour.client("agentset") as client:
        run = await ob(client.ingest_jobs.start(
            CreateIngestJobRequest(payload=TextPayload(text="Hello"), external_id="doc-42", name="hello")))
        assert run.id.startswith("job_")
        assert (run.status, run.value.status) == ("queued", "QUEUED")
        seen: set[str] = set()
        done = await ob(run.wait_for_completion(**QUICK_WAIT, on_progress=lambda s: seen.add(s.raw_status or "-")))
        assert done is run
        assert (done.status, done.raw_status, done.value.external_id) == ("succeeded", "COMPLETED", "doc-42")
        assert "COMPLETED" in seen

        read = await ob(client.ingest_jobs.get(run.id))
        assert (read.id, read.status, read.name) == (run.id, "COMPLETED", "hello")
        completed = await ob(client.ingest_jobs.list(statuses=["COMPLETED"]).to_list())
        assert run.id in [j.id for j in completed] and all(j.status == "COMPLETED" for j in completed)

        # Pages of one: the first page's cursor leads to the second, the second's previous token back to the first.
        await ob(client.ingest_jobs.create({"payload": {"type": "TEXT", "text": "Second"}}))
        first = await first_page(client.ingest_jobs.list(page_size=1))
        assert len(first.items) == 1 and first.has_more
        second = await first_page(client.ingest_jobs.list(), continuation_token=first.continuation_token, page_size=1)
        assert second.items[0].id != first.items[0].id
        back = await first_page(client.ingest_jobs.list(direction="backward"),
                                continuation_token=second.previous_token, page_size=1)
        assert [j.id for j in back.items] == [j.id for j in first.items]

        tracked = client.ingest_jobs.track(run.id)
        assert tracked.status == "unknown"
        assert await ob(tracked.update_status()) == "succeeded"
        assert tracked.can_cancel is False
        assert isinstance(await raised(lambda: tracked.cancel()), at.UnsupportedOperationError)


async def test_re_ingest_a_finished_job_only_then_delete_and_gone(flavour: Flavour) -> None:
    async with flavour.client("agentset") as client:
        job = await ob(client.ingest_jobs.create({"payload": {"type": "TEXT", "text": "Again"}}))
        early = await raised(lambda: client.ingest_jobs.re_ingest(job.id))
        assert isinstance(early, at.ConflictError)
        assert (early.status, early.error_code, early.may_have_been_processed) == (409, "conflict", False)

        await ob(client.ingest_jobs.track(job).wait_for_completion(**QUICK_WAIT))
        assert await ob(client.ingest_jobs.re_ingest(job.id)) == job.id
        again = client.ingest_jobs.track(job.id)
        assert await ob(again.update_status()) == "queued"
        assert again.raw_status == "QUEUED_FOR_RESYNC"
        await ob(again.wait_for_completion(**QUICK_WAIT))

        deleting = await ob(client.ingest_jobs.delete(job.id))
        assert deleting is not None and deleting.status == "QUEUED_FOR_DELETE"
        assert isinstance(await raised(lambda: client.ingest_jobs.delete(job.id)), at.ConflictError)
        assert isinstance(await raised(lambda: client.ingest_jobs.track(job.id).wait_for_completion(**QUICK_WAIT)),
                          at.NotFoundError)
        missing = await raised(lambda: client.ingest_jobs.get(job.id))
        assert isinstance(missing, at.NotFoundError) and (missing.status, missing.error_code) == (404, "not_found")


async def test_a_tenants_job_is_invisible_without_the_tenant(flavour: Flavour) -> None:
    acme = at.AgentsetRequestOptions(tenant_id="acme")
    async with flavour.client("agentset") as client:
        job = await ob(client.ingest_jobs.create({"payload": {"type": "TEXT", "text": "Tenant"}}, request_options=acme))
        assert (await ob(client.ingest_jobs.get(job.id, request_options=acme))).id == job.id
        assert isinstance(await raised(lambda: client.ingest_jobs.get(job.id)), at.NotFoundError)
        assert job.id not in [j.id for j in await ob(client.ingest_jobs.list().to_list())]


async def test_a_job_the_fake_fails_ends_the_wait_with_run_failed_error(flavour: Flavour) -> None:
    flavour.fakes.admin("POST", "/fail-next", {"service": "agentset", "count": 1, "error": "parse failed: scanned PDF"})
    async with flavour.client("agentset") as client:
        run = await ob(client.ingest_jobs.start({"payload": {"type": "TEXT", "text": "Doomed"}}))
        error = await raised(lambda: run.wait_for_completion(**QUICK_WAIT))
        assert isinstance(error, at.RunFailedError) and error.run is run
        assert (run.status, run.raw_status, run.error_message) == ("failed", "FAILED", "parse failed: scanned PDF")


async def test_a_create_answered_429_is_retried_once_after_the_hint_and_creates_one_job(flavour: Flavour) -> None:
    http, seen = flavour.recording()
    clock = RecordingClock()
    async with flavour.client("agentset", http_client=http, clock=clock) as client:
        assert flavour.fakes.admin("POST", "/faults", {"service": "agentset", "kind": "rate-limit", "count": 1,
                                                       "retryAfterMs": 400})["pending"] == 1
        external_id = f"rl-{uuid.uuid4().hex}"  # the fakes outlive one test: find this test's job by its own id
        job = await ob(client.ingest_jobs.create({"payload": {"type": "TEXT", "text": "Rate limited"},
                                                  "externalId": external_id}))
        assert seen.lines() == ["POST 429", "POST 201"]
        assert len(clock.sleeps) == 1 and 0 < clock.sleeps[0] <= 2.0
        assert flavour.fakes.admin("DELETE", "/faults?service=agentset")["pending"] == 0
        created = [j.id for j in await ob(client.ingest_jobs.list().to_list()) if j.external_id == external_id]
        assert created == [job.id]


async def test_a_create_answered_500_is_sent_once_and_a_read_whose_connection_drops_is_retried(flavour: Flavour) -> None:
    http, seen = flavour.recording()
    retry = at.RetryOptions(base_delay=0.01, max_delay=0.05)
    async with flavour.client("agentset", http_client=http, clock=RecordingClock(), retry=retry) as client:
        flavour.fakes.admin("POST", "/faults", {"service": "agentset", "kind": "server-error", "count": 1, "status": 500})
        error = await raised(lambda: client.ingest_jobs.create({"payload": {"type": "TEXT", "text": "Ambiguous"}}))
        assert isinstance(error, at.InternalServerError) and error.may_have_been_processed is True
        assert seen.lines() == ["POST 500"]

        job = await ob(client.ingest_jobs.create({"payload": {"type": "TEXT", "text": "Fine"}}))
        flavour.fakes.admin("POST", "/faults", {"service": "agentset", "kind": "drop-connection", "count": 2})
        assert (await ob(client.ingest_jobs.get(job.id))).id == job.id
        assert seen.lines()[2:] == ["GET 0", "GET 0", "GET 200"]


async def test_paging_walks_every_page_once(flavour: Flavour) -> None:
    async with flavour.client("agentset") as client:
        for text in ("p1", "p2", "p3"):
            await ob(client.ingest_jobs.create({"payload": {"type": "TEXT", "text": text}}))
        walked = await pages(client.ingest_jobs.list(), page_size=2)
        ids = [j.id for p in walked for j in p.items]
        assert len(walked) >= 2 and len(ids) == len(set(ids)) >= 3
        assert walked[-1].has_more is False and all(p.has_more for p in walked[:-1])


async def test_resume_anywhere_a_started_jobs_token_resumes_from_a_fresh_client(flavour: Flavour) -> None:
    async with flavour.client("agentset") as starter:
        run = await ob(starter.ingest_jobs.start(CreateIngestJobRequest(payload=TextPayload(text="Resume me"))))
        token = run.resume_token
    assert token is not None and token.startswith("atr1.")
    async with flavour.client("agentset") as resumer:
        resumed = resumer.resume_run(token)
        assert (resumed.id, resumed.resume_token) == (run.id, token)
        done = await ob(resumed.wait_for_completion(**QUICK_WAIT))
        assert done.status == "succeeded"
        with pytest.raises(at.InvalidArgumentError) as error:
            resumer.resume_run(token.replace("atr1.", "atr2."))
        assert error.value.argument == "token"
