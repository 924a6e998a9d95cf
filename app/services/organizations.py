"""Use cases for organisations (tenants): creating and listing them (the service's
administrators), and an organisation's own settings (its administrator)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from app.domain.lifecycle.states import MentorshipState
from app.domain.organization_settings import LOAD_CAP, checked_changes, checked_load_cap
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
    """The organisations the caller can see: a token is bound to one, its own, and only its
    readers (those of its settings, as for one organisation) may list it."""
    reach(principal, Resource.ORGANIZATION_SETTINGS, Action.READ)
    async with uow.read_only():
        own = await uow.organizations.get(principal.organization_id)
    return [] if own is None else [own]


async def mentorships_by_state(*, uow: UnitOfWork) -> dict[MentorshipState, int]:
    """How many mentorships are in each state, over every organisation: for operators'
    metrics, so counts only. Every state is present, so a series never vanishes at zero."""
    async with uow.read_only():
        counted = await uow.organizations.mentorships_by_state()
    return {state: counted.get(state.value, 0) for state in MentorshipState}


async def get_organization(
    *, uow: UnitOfWork, principal: Principal, organization_id: uuid.UUID
) -> Organization:
    """The caller's organisation with its settings; any other id is not found."""
    reach(principal, Resource.ORGANIZATION_SETTINGS, Action.READ)
    found = None
    if organization_id == principal.organization_id:
        async with uow.read_only():
            found = await uow.organizations.get(organization_id)
    if found is None:
        raise NotFound("no such organisation", field="id")
    return found


async def update_organization_settings(
    *,
    uow: UnitOfWork,
    principal: Principal,
    organization_id: uuid.UUID,
    changes: Mapping[str, object],
    if_version: int | None = None,
) -> Organization:
    """Change the organisation's settings (the cap on a mentor's open pairs across programs);
    `if_version` (an `If-Match`): refused as stale unless the settings are still at it."""
    reach(principal, Resource.ORGANIZATION_SETTINGS, Action.WRITE)
    checked_changes(changes)
    if organization_id != principal.organization_id:
        raise NotFound("no such organisation", field="id")
    async with uow:
        current = await uow.organizations.get(organization_id)
        if current is None:
            raise NotFound("no such organisation", field="id")
        cap = current.max_open_pairs_per_mentor
        if LOAD_CAP in changes:
            cap = checked_load_cap(changes[LOAD_CAP])
        updated = await uow.organizations.set_load_cap(organization_id, cap, if_version=if_version)
        if updated is None:
            raise PreconditionFailed(
                f"the settings changed since they were read: they are at version "
                f"{current.version}, not {if_version}",
                field="If-Match",
            )
        await uow.access.record(
            AuditEvent.by(
                principal,
                "organization.settings_changed",
                "organization",
                organization_id,
                version=updated.version,
                max_open_pairs_per_mentor=cap,
                was=current.max_open_pairs_per_mentor,
            )
        )
        await uow.commit()
    return updated
