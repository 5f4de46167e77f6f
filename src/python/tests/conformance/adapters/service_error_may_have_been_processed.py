from __future__ import annotations

from typing import Any

from astro_triggers._core.retry.retry_decision import may_have_been_processed


def service_error_may_have_been_processed(case: dict[str, Any]) -> dict[str, Any]:
    """{idempotent, status, retryAfterMs} → {mayHaveBeenProcessed} through may_have_been_processed."""
    hint = case.get("retryAfterMs")
    return {"mayHaveBeenProcessed": may_have_been_processed(case["idempotent"], case["status"],
                                                            hint if isinstance(hint, (int, float)) else None)}
