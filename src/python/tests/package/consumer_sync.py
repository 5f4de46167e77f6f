"""A user's script on the installed wheel's sync client, against `astro-triggers fakes` (the AGENTSET_* variables
`astro-triggers fakes --env-file` writes)."""

from __future__ import annotations

import os

from astro_triggers import AgentsetClient, AstroTriggersError, NotFoundError
from astro_triggers.agentset import CreateIngestJobRequest, IngestJob, TextPayload

with AgentsetClient(
    os.environ["AGENTSET_API_KEY"],
    namespace_id=os.environ["AGENTSET_NAMESPACE_ID"],
    base_url=os.environ["AGENTSET_BASE_URL"],
) as client:
    run = client.ingest_jobs.start(CreateIngestJobRequest(payload=TextPayload(text="hello from the wheel")))
    run.wait_for_completion(poll_interval=0.1, timeout=30)
    assert run.status == "succeeded", run
    jobs: list[IngestJob] = list(client.ingest_jobs.list(page_size=10))
    assert run.id in [job.id for job in jobs]
    try:
        client.ingest_jobs.get("job_does_not_exist")
        raise SystemExit("a missing job was found")
    except NotFoundError as error:
        assert isinstance(error, AstroTriggersError) and error.status == 404, error
    print(f"sync: started and completed {run.id}")
