"""A user's script on the installed wheel's async client, against `astro-triggers fakes` (the AGENTSET_* variables
`astro-triggers fakes --env-file` writes)."""

from __future__ import annotations

import asyncio
import os

from astro_triggers import AsyncAgentsetClient, NotFoundError, RequestOptions


async def main() -> None:
    async with AsyncAgentsetClient(
        os.environ["AGENTSET_API_KEY"],
        namespace_id=os.environ["AGENTSET_NAMESPACE_ID"],
        base_url=os.environ["AGENTSET_BASE_URL"],
    ) as client:
        run = await client.ingest_jobs.start({"payload": {"type": "TEXT", "text": "hello from the wheel"}})
        await run.wait_for_completion(poll_interval=0.1, timeout=30)
        assert run.status == "succeeded", run
        ids = [job.id async for job in client.ingest_jobs.list()]
        assert run.id in ids, ids
        pages = [page async for page in client.ingest_jobs.list().by_page(page_size=1)]
        assert all(len(page.items) <= 1 for page in pages) and pages[-1].has_more is False
        try:
            await client.ingest_jobs.get("job_does_not_exist", request_options=RequestOptions(timeout=10))
            raise SystemExit("a missing job was found")
        except NotFoundError as error:
            assert error.status == 404, error
        print(f"async: started and completed {run.id}")


asyncio.run(main())
