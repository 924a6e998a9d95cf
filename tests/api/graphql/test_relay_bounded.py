"""A list read whole pages as a Relay connection: forward or backward, any page size, every
item once and in list order, with a `PageInfo` that says where the page sits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.api.graphql.relay import bounded
from app.domain.errors import InvalidInput
from app.services.paging import encode_cursor


def _page(items, **arguments):
    asked = {"first": None, "after": None, "last": None, "before": None, **arguments}
    return bounded(
        items,
        asked["first"],
        asked["after"],
        asked["last"],
        asked["before"],
        key=str,
        make=lambda item: item,
    )


@given(st.lists(st.integers(), unique=True, max_size=30), st.integers(1, 8))
def test_paging_forward_or_backward_yields_every_item_once_in_order(items, size):
    forward, after = [], None
    while True:
        page = _page(items, first=size, after=after)
        assert page.page_info.has_previous_page is bool(forward)
        forward += [e.node for e in page.edges]
        after = page.page_info.end_cursor
        if not page.page_info.has_next_page:
            break
    backward, before = [], None
    while True:
        page = _page(items, last=size, before=before)
        assert page.page_info.has_next_page is bool(backward)
        backward = [e.node for e in page.edges] + backward
        before = page.page_info.start_cursor
        if not page.page_info.has_previous_page:
            break
    assert forward == backward == items


@given(st.lists(st.integers(), unique=True, min_size=2, max_size=30), st.data())
def test_a_page_ends_right_before_the_item_its_before_cursor_names(items, data):
    cursors = [e.cursor for e in _page(items, first=len(items)).edges]
    at = data.draw(st.integers(1, len(items) - 1))
    page = _page(items, last=1, before=cursors[at])
    assert [e.node for e in page.edges] == [items[at - 1]]
    assert page.page_info.start_cursor == cursors[at - 1]


@given(st.lists(st.integers(min_value=0), unique=True, max_size=10), st.integers(0, 12))
def test_a_cursor_naming_an_item_now_gone_pages_from_where_it_was(items, place):
    gone = encode_cursor(["-1", place])  # no item's key is negative
    where = min(place, len(items))
    after = _page(items, first=3, after=gone)
    assert [e.node for e in after.edges] == items[where : where + 3]
    before = _page(items, last=3, before=gone)
    assert [e.node for e in before.edges] == items[max(0, where - 4) : max(0, where - 1)]


def test_a_cursor_not_given_out_is_refused_naming_its_argument():
    with pytest.raises(InvalidInput) as refused:
        _page([1, 2], last=1, before=encode_cursor(["1"]))
    assert refused.value.field == "before"
