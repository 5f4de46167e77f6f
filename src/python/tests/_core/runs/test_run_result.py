"""RunResult (as the C# RunResultTests): a succeeded result gives its run; a failed one raises the error a single wait
would have raised; str names the error."""
from __future__ import annotations

import pytest

import astro_triggers as at
from astro_triggers.agentset import AgentsetModelFactory, IngestJob


def test_a_result_gives_its_run_or_raises_its_error() -> None:
    done = AgentsetModelFactory.ingest_job_run(IngestJob.from_json(
        {"id": "job_1", "namespaceId": "ns_1", "status": "COMPLETED", "payload": {"type": "TEXT", "text": "x"},
         "createdAt": "2026-11-30T10:00:00Z"}))
    ok = at.RunResult(done, None, 5.0)
    assert ok.succeeded and ok.status == "succeeded" and ok.get_run_or_raise() is done and ok.noticed_at == 5.0
    error = at.RunFailedError(done)
    failed = at.RunResult(done, error, 6.0)
    assert not failed.succeeded
    with pytest.raises(at.RunFailedError) as raised:
        failed.get_run_or_raise()
    assert raised.value is error
    assert "RunFailedError" in str(failed)
