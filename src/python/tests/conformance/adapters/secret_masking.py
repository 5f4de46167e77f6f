from __future__ import annotations

from typing import Any

from astro_triggers._core.security.known_secrets import KnownSecrets
from astro_triggers._core.security.redactor import redact_url


def secret_masking(case: dict[str, Any]) -> dict[str, Any]:
    """secret-masking: {secrets, form, value} → {masked}: a text through KnownSecrets.mask; a URL through redact_url,
    then the secrets, as the error mapper does."""
    secrets = KnownSecrets()
    for secret in case.get("secrets") or []:
        secrets.add(secret)
    value = case["value"]
    return {"masked": secrets.mask(redact_url(value)) if case["form"] == "url" else secrets.mask(value)}
