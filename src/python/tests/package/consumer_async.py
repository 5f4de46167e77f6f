"""A user's script on the installed wheel's async client, against `astro-triggers fakes` (AGENTSET_* variables)."""

from __future__ import annotations

import asyncio
import os

from astro_triggers import AsyncAgentsetClient


async def main() -> None:
    async with AsyncAgentsetClient(
        api_key=os.environ["AGENTSET_API_KEY"],
        namespace_id=os.environ["AGENTSET_NAMESPACE_ID"],
        base_url=os.environ["AGENTSET_BASE_URL"],
    ) as client:
        run = await client.ingest_jobs.start(payload={"type": "TEXT", "text": "hello from the wheel"})
        await run.wait_for_completion()
        ids = [job.id async for job in client.ingest_jobs.list()]
        assert run.id in ids, ids
        print(f"async: started and completed {run.id}")


asyncio.run(main())
