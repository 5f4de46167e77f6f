"""A user's script on the installed wheel's generated models: type-checked with mypy --strict, then run."""

from __future__ import annotations

from astro_triggers._generated import agentset
from astro_triggers._generated._wire import WireFormatError

job = agentset.IngestJob.from_json({
    "id": "job_1", "namespaceId": "ns_1", "tenantId": None, "externalId": None, "status": "COMPLETED", "error": None,
    "payload": {"type": "TEXT", "text": "hi"}, "config": None, "createdAt": "2026-11-30T10:00:00",
    "queuedAt": None, "preProcessingAt": None, "processingAt": None, "completedAt": None, "failedAt": None,
})
payload: agentset.IngestJobPayload = job.payload
assert isinstance(payload, agentset.TextPayload)
text: str = payload.text
assert job.created_at.tzinfo is not None
status: str = job.status
assert agentset.RUN_STATUS[status] == "succeeded"
try:
    agentset.IngestJob.from_json({})
except WireFormatError as error:
    assert error.path == "$.id"
print(f"models: {job.id} {text} {agentset.RUN_STATUS[status]}")
