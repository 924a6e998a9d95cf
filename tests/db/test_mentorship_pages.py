"""A page of mentorships reads one row more than it shows, only to learn whether another page
follows: that row comes without its two documents (its policy snapshot and its matching
explanation), which nothing shows."""

from __future__ import annotations

import uuid

import pytest

from app.adapters.db.unit_of_work import SqlUnitOfWork
from tests.services.test_concurrent_confirmations import _published_pairs


async def test_a_pages_extra_row_comes_without_its_documents(database, org):
    ids = sorted(m.id for m in await _published_pairs(database, org))
    assert len(ids) >= 2
    async with SqlUnitOfWork(database, org.id).read_only() as uow:
        forward = await uow.programs.mentorships(limit=2, one_more=True)
        last = uuid.UUID(int=(1 << 128) - 1)
        backward = await uow.programs.mentorships(after=last, limit=2, backward=True, one_more=True)
    assert [m.id for m in forward] == ids[:2]
    assert [m.id for m in backward] == ids[-2:]
    # Forward, the extra row is the last; backward (read nearest first), the first.
    for shown, extra in ((forward[0], forward[1]), (backward[1], backward[0])):
        assert dict(shown.policy)
        assert shown.explanation is not None
        for document in (extra.policy, extra.explanation):
            with pytest.raises(LookupError, match="was not read"):
                dict(document)


async def test_a_page_read_whole_carries_every_rows_documents(database, org):
    await _published_pairs(database, org)
    async with SqlUnitOfWork(database, org.id).read_only() as uow:
        found = await uow.programs.mentorships(limit=2)
    assert all(dict(m.policy) for m in found)
