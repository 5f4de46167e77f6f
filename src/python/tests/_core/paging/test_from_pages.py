"""Page.from_values, Pageable.from_pages and AsyncPageable.from_pages: the paging helpers for users' own tests."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest

import astro_triggers as at

PAGES = [at.Page.from_values([1, 2], continuation_token="t1"), at.Page.from_values([3], continuation_token="t2"),
         at.Page.from_values([4])]


def test_from_values_shapes_a_page_as_a_service_list_does() -> None:
    last = at.Page.from_values(["a"])
    assert (last.items, last.continuation_token, last.previous_token, last.has_more) == (("a",), None, None, False)
    middle = at.Page.from_values(iter(["b"]), continuation_token="n", previous_token="p")
    assert (middle.items, middle.continuation_token, middle.previous_token, middle.has_more) == (("b",), "n", "p", True)
    assert at.Page.from_values([], continuation_token="n", has_more=False).has_more is False


def test_sync_pageable_from_pages_walks_items_and_pages_and_resumes() -> None:
    pageable = at.Pageable.from_pages(PAGES)
    assert list(pageable) == [1, 2, 3, 4]
    assert [p.items for p in pageable.by_page(continuation_token="t1")] == [(3,), (4,)]
    assert list(at.Pageable.from_pages([])) == []
    with pytest.raises(at.InvalidArgumentError) as raised:
        list(pageable.by_page(continuation_token="nope"))
    assert raised.value.argument == "continuation_token"


def test_async_pageable_from_pages_walks_items_and_pages_and_resumes() -> None:
    async def walk() -> tuple[list[int], list[tuple[int, ...]]]:
        pageable = at.AsyncPageable.from_pages(PAGES)
        items = [i async for i in pageable]
        pages = [p.items async for p in pageable.by_page(continuation_token="t2")]
        return items, pages
    assert asyncio.run(walk()) == ([1, 2, 3, 4], [(4,)])


def test_a_missing_page_is_refused_naming_pages() -> None:
    pages: list[Any] = [PAGES[0], None]
    with pytest.raises(at.InvalidArgumentError) as raised:
        at.Pageable.from_pages(pages)
    assert raised.value.argument == "pages"
    with pytest.raises(at.InvalidArgumentError) as raised:
        at.AsyncPageable.from_pages(pages)
    assert raised.value.argument == "pages"
