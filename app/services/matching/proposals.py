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
from app.services.matching.run_states import not_computed
from app.services.paging import check_limit, decode_cursor, encode_cursor
from app.services.ports import UnitOfWork

MAX_PAGE = 1000
COMPUTED = frozenset({"computed", "published"})  # the states that have proposals


@dataclass(frozen=True, slots=True)
class ProposalPage:
    """Proposals in mentee id order (the run's); `next_cursor` is None on the last page."""

    items: list[dict[str, Any]]
    next_cursor: str | None


async def list_run_proposals(
    *,
    uow: UnitOfWork,
    principal: Principal,
    run_id: UUID,
    limit: int = 100,
    cursor: str | None = None,
) -> ProposalPage:
    """A page of the run's proposals, each with its explanation and runners-up."""
    reach(principal, Resource.MATCHING_RUNS, Action.READ)
    check_limit(limit, MAX_PAGE)
    after = _position(cursor) if cursor else 0
    async with uow.read_only():
        stored = await uow.programs.run_proposals(run_id, after=after, limit=limit + 1)
    if stored is None:
        raise NotFound("no such matching run", field="id")
    state, found = stored
    if state not in COMPUTED:
        raise not_computed(state)
    more = len(found) > limit
    page = found[:limit]
    return ProposalPage([p for _, p in page], _cursor(page[-1][0]) if more else None)


def _cursor(position: int) -> str:
    return encode_cursor(["proposal", position])


def _position(cursor: str) -> int:
    """The inverse of `_cursor`; a cursor this service did not make is refused, not guessed."""
    match decode_cursor(cursor):
        case ["proposal", int(position)] if position >= 0 and not isinstance(position, bool):
            return position
    raise InvalidInput("not a cursor this service issued", field="cursor")
