"""The batch counterpart of `open_pair`'s check, for reads that serve many mentorships at
once (GraphQL DataLoaders): the same rule, decided for every id in one or two queries, so a
list costs the same number of statements whatever its length and never shows another pair's
content."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar
from uuid import UUID

from app.domain.access import Principal, Role
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.errors import NotPermitted
from app.services.ports import UnitOfWork
from app.services.programs.records import Mentorship, PairParties

_Pair = TypeVar("_Pair", Mentorship, PairParties)


def scope_or_none(principal: Principal, resource: Resource, action: Action) -> Reach | None:
    """The caller's reach, or None when their role may not read this at all: a batch answers
    "nothing to show" for each item rather than failing the whole list."""
    try:
        return reach(principal, resource, action)
    except NotPermitted:
        return None


async def reachable_pairs(
    uow: UnitOfWork, principal: Principal, mentorship_ids: Sequence[UUID], scope: Reach
) -> dict[UUID, Mentorship]:
    """The mentorships among `mentorship_ids` the caller may reach (OWN: they are in the pair
    or supervise the mentee, as `open_pair` decides); the others are simply left out."""
    found = await uow.programs.mentorships_by_ids(mentorship_ids)
    return await _reachable(uow, principal, found, scope)


async def reachable_parties(
    uow: UnitOfWork, principal: Principal, mentorship_ids: Sequence[UUID], scope: Reach
) -> dict[UUID, PairParties]:
    """As `reachable_pairs`, for reads that need only who is in each pair: the rows' policy
    and explanation documents are then not read at all."""
    found = await uow.programs.parties_by_ids(mentorship_ids)
    return await _reachable(uow, principal, found, scope)


async def _reachable(
    uow: UnitOfWork, principal: Principal, found: Sequence[_Pair], scope: Reach
) -> dict[UUID, _Pair]:
    if scope is Reach.ALL:
        return {m.id: m for m in found}
    me = principal.employee_id
    if me is None:
        return {}
    reports: set[UUID] = set()
    if principal.role is Role.SUPERVISOR:
        reports = {e.id for e in await uow.employees.reports_of([me])}
    return {m.id: m for m in found if me in (m.mentee_id, m.mentor_id) or m.mentee_id in reports}
