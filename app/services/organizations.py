"""Use cases for organisations (tenants). Only administrators of the service call these."""

from __future__ import annotations

import re
import uuid

from app.domain.access import Principal
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.lifecycle import MentorshipState
from app.services.ports import Organization, UnitOfWork

_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


async def create_organization(*, uow: UnitOfWork, name: str, slug: str) -> Organization:
    """Create a tenant; the slug is how people and tokens name it."""
    if not _SLUG.match(slug):
        raise InvalidInput("lowercase letters, digits and inner hyphens, 1-64 long", field="slug")
    if not name.strip():
        raise InvalidInput("must not be blank", field="name")
    async with uow:
        if await uow.organizations.by_slug(slug) is not None:
            raise Conflict(f"an organisation with slug {slug!r} exists", field="slug")
        organization = Organization(id=uuid.uuid4(), slug=slug, name=name.strip())
        await uow.organizations.add(organization)
        await uow.commit()
    return organization


async def organization_by_slug(*, uow: UnitOfWork, slug: str) -> Organization:
    """The organisation with this slug, or NotFound."""
    async with uow.read_only():
        organization = await uow.organizations.by_slug(slug)
    if organization is None:
        raise NotFound(f"no organisation with slug {slug!r}", field="slug")
    return organization


async def every_organization(*, uow: UnitOfWork) -> list[Organization]:
    """Every organisation, by slug: for the service's operators (an administrator's unit
    of work; a tenant's sees only itself)."""
    async with uow.read_only():
        return await uow.organizations.every()


async def list_organizations(*, uow: UnitOfWork, principal: Principal) -> list[Organization]:
    """The organisations the caller can see: a token is bound to one, its own."""
    async with uow.read_only():
        own = await uow.organizations.get(principal.organization_id)
    return [] if own is None else [own]


async def mentorships_by_state(*, uow: UnitOfWork) -> dict[MentorshipState, int]:
    """How many mentorships are in each state, over every organisation: for operators'
    metrics, so counts only. Every state is present, so a series never vanishes at zero."""
    async with uow.read_only():
        counted = await uow.organizations.mentorships_by_state()
    return {state: counted.get(state.value, 0) for state in MentorshipState}
