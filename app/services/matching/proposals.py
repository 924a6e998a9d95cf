"""A matching run's proposals a page at a time: a run of 10,000 mentees is read in pages, never
as one document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from app.domain.access import Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import InvalidInput, NotFound
from app.domain.matching.run_state import HAS_PROPOSALS, not_computed
from app.services.paging import check_limit, decode_cursor, encode_cursor
from app.services.ports import UnitOfWork

MAX_PAGE = 1000
PAST_THE_LAST = 2**31  # a position after any run's last proposal: backward from the end


@dataclass(frozen=True, slots=True)
class ProposalPage:
    """Proposals in mentee id order (the run's), each with its cursor, and whether more lie in
    the direction read."""

    items: list[dict[str, Any]]
    cursors: list[str]
    has_more: bool
    backward: bool = False

    @property
    def next_cursor(self) -> str | None:
        """Where the next page in the direction read starts; None on the last."""
        if not (self.has_more and self.cursors):
            return None
        return self.cursors[0] if self.backward else self.cursors[-1]


async def list_run_proposals(
    *,
    uow: UnitOfWork,
    principal: Principal,
    run_id: UUID,
    limit: int = 100,
    cursor: str | None = None,
    backward: bool = False,
) -> ProposalPage:
    """A page of the run's proposals, each with its explanation and runners-up. `backward`:
    the page just before `cursor` (the last page without one), still in mentee id order."""
    reach(principal, Resource.MATCHING_RUNS, Action.READ)
    check_limit(limit, MAX_PAGE)
    position = _position(cursor) if cursor else None
    async with uow.read_only():
        stored = await uow.programs.run_proposals(
            run_id,
            after=0 if backward else position or 0,
            before=(position or PAST_THE_LAST) if backward else None,
            limit=limit + 1,
        )
    if stored is None:
        raise NotFound("no such matching run", field="id")
    state, found = stored
    if state not in HAS_PROPOSALS:
        raise not_computed(state)
    page = found[-limit:] if backward else found[:limit]
    more = len(found) > limit
    return ProposalPage([p for _, p in page], [_cursor(n) for n, _ in page], more, backward)


def _cursor(position: int) -> str:
    return encode_cursor(["proposal", position])


def _position(cursor: str) -> int:
    """The inverse of `_cursor`; a cursor this service did not make is refused, not guessed."""
    match decode_cursor(cursor):
        case ["proposal", int(position)] if position >= 0 and not isinstance(position, bool):
            return position
    raise InvalidInput("not a cursor this service issued", field="cursor")
