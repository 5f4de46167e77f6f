from __future__ import annotations

from typing import Any

from astro_triggers._core.paging.offset_paging import OffsetPager, OffsetSlice
from astro_triggers._core.paging.page import Page
from astro_triggers._core.paging.pageable import Pageable


class _BeyondServed(Exception):
    pass


def offset_paging(case: dict[str, Any]) -> dict[str, Any]:
    """offset-paging: the served pages through OffsetPager under a Pageable, walked with by_page(continuation_token)."""
    served = case["served"]
    requests: list[dict[str, Any]] = []
    pager: OffsetPager[str] = OffsetPager(
        start_offset=case.get("startOffset") or 0, page_size=case.get("pageSize"),
        default_page_size=case["defaultPageSize"], max_page_size=case["maxPageSize"], argument="filter")

    def fetch(token: str | None, size: int | None) -> Page[str]:
        offset, limit = pager.request(token, size)
        requests.append({"offset": offset, "limit": limit})
        if len(requests) > len(served):
            raise _BeyondServed()
        page = served[len(requests) - 1]
        items = [f"item{offset + i}" for i in range(page["items"])]
        return pager.page(OffsetSlice(items, page["total"], page["offset"], page["limit"]), offset, limit)

    pageable = Pageable(fetch, pager.initial_token, pager.page_size)
    pages: list[dict[str, Any]] = []
    stops = True
    try:
        token = case.get("continuationToken")
        for page in pageable.by_page(continuation_token=token if isinstance(token, str) else None):
            pages.append({"requested": requests[-1], "next": page.continuation_token, "previous": page.previous_token})
    except _BeyondServed:
        stops = False
    return {"pages": pages, "stops": stops}
