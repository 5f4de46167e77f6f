from __future__ import annotations

from typing import Any

from astro_triggers._core.runs.resume_token import ResumeTokenError, decode_resume_token, encode_resume_token


def resume_token(case: dict[str, Any]) -> dict[str, Any]:
    """resume-token: {encode: {service, ...fields}} → {token} | {decode: str} → {run}; a rejection → {rejection, field?}."""
    try:
        if "encode" in case:
            fields = dict(case["encode"])
            service = fields.pop("service")
            return {"token": encode_resume_token(service, fields)}
        service, read = decode_resume_token(case["decode"])
        return {"run": {"service": service, **read}}
    except ResumeTokenError as error:
        return {"rejection": error.rejection} if error.field is None else {"rejection": error.rejection, "field": error.field}
