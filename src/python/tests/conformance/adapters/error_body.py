from __future__ import annotations

from typing import Any

import httpx

from astro_triggers._core.errors.error_mapper import error_from_answer
from astro_triggers._core.http.call_settings import decode_text
from astro_triggers._core.security.known_secrets import KnownSecrets


def error_body(case: dict[str, Any]) -> dict[str, Any]:
    """error-body: {service, status, body, headers?, secrets?} → the error's fields through error_from_answer (the
    body as the client reads it: UTF-8 bytes decoded; secrets masked as the client masks them)."""
    secrets = KnownSecrets()
    for secret in case.get("secrets") or []:
        secrets.add(secret)
    headers = httpx.Headers(case.get("headers") or {})
    body = case.get("body")
    raw = decode_text(body.encode("utf-8", "surrogatepass"), headers.get("content-type")) if body else None
    error = error_from_answer(service=case["service"], operation_id="conformance", method="GET", idempotent=True,
                              status=case["status"], header=headers.get, raw=raw,
                              url="https://service.example/v1/thing", secrets=secrets, now_ms=0)
    return {
        "errorCode": error.error_code, "serviceMessage": error.service_message, "requestId": error.request_id,
        "documentationUrl": error.documentation_url, "reason": error.reason,
        "suggestedAction": error.suggested_action,
        "validationIssues": [{"path": list(i.location), "message": i.message} for i in error.validation_issues],
    }
