from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx

from astro_triggers._core.retry.retry_after import parse_retry_after


def retry_after(case: dict[str, Any]) -> dict[str, Any]:
    """retry-after: {headers, now, rateLimited} → {waitMs} through parse_retry_after."""
    headers = httpx.Headers(case["headers"])
    now = datetime.fromisoformat(case["now"].replace("Z", "+00:00")).timestamp() * 1000
    wait = parse_retry_after(headers.get, round(now), case.get("rateLimited", True))
    return {"waitMs": wait}
