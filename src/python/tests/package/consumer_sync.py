"""A user's script on the installed wheel's sync client, against `astro-triggers fakes` (AGENTSET_* variables)."""

from __future__ import annotations

import os

from astro_triggers import AgentsetClient, AstroTriggersError

with AgentsetClient(
    api_key=os.environ["AGENTSET_API_KEY"],
    namespace_id=os.environ["AGENTSET_NAMESPACE_ID"],
    base_url=os.environ["AGENTSET_BASE_URL"],
) as client:
    run = client.ingest_jobs.start(payload={"type": "TEXT", "text": "hello from the wheel"})
    run.wait_for_completion()
    ids = [job.id for job in client.ingest_jobs.list()]
    assert run.id in ids, ids
    try:
        client.ingest_jobs.get("job_does_not_exist")
    except AstroTriggersError as error:
        assert error.status == 404, error.status
    print(f"sync: started and completed {run.id}")
