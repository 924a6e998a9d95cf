"""Daily administration from the `mentoring` command: organisations and their API tokens.

The work is done by the same service functions the API calls, as the service's operator
(an administrator's unit of work across organisations; an org admin inside one). Each
function returns the lines to print, so the commands stay one-liners and tests read them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.access import ApiToken, Principal, Role
from app.domain.errors import InvalidInput
from app.services import access, organizations
from app.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class Units:
    """Units of work as the operator: across organisations, and inside one."""

    admin: Callable[[], UnitOfWork]
    tenant: Callable[[UUID], UnitOfWork]


def _operator(organization_id: UUID) -> Principal:
    return Principal(organization_id, Role.ORG_ADMIN, "cli")


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in [header, *rows]
    ]


async def organization_lines(units: Units) -> list[str]:
    """Every organisation: slug, id, name."""
    found = await organizations.every_organization(uow=units.admin())
    return _table(("SLUG", "ID", "NAME"), [(o.slug, str(o.id), o.name) for o in found])


async def _organization_id(units: Units, slug: str) -> UUID:
    organization = await organizations.organization_by_slug(uow=units.admin(), slug=slug)
    return organization.id


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


def _state(token: ApiToken, now: datetime) -> str:
    if token.revoked_at:
        return "revoked " + _when(token.revoked_at)
    if token.expires_at and token.expires_at <= now:
        return "expired " + _when(token.expires_at)
    return "active"


async def token_lines(
    units: Units, slug: str, *, now: datetime, include_revoked: bool
) -> list[str]:
    """The organisation's tokens (never the secrets): id, role, name, state, last use."""
    org_id = await _organization_id(units, slug)
    tokens = await access.list_api_tokens(uow=units.tenant(org_id), principal=_operator(org_id))
    shown = [t for t in tokens if include_revoked or not t.revoked_at]
    rows = [
        (
            str(t.id),
            t.role.value,
            t.name,
            t.hint,
            _state(t, now),
            _when(t.created_at),
            _when(t.last_used_at),
        )
        for t in sorted(shown, key=lambda t: t.created_at)
    ]
    header = ("ID", "ROLE", "NAME", "HINT", "STATE", "CREATED", "LAST USED")
    return _table(header, rows)


async def revoke_token(units: Units, slug: str, token_id: str) -> list[str]:
    """Revoke one of the organisation's tokens by id; it stops working at once."""
    org_id = await _organization_id(units, slug)
    try:
        wanted = UUID(token_id)
    except ValueError:
        raise InvalidInput("a token id as `mentoring token list` shows it", field="id") from None
    revoked = await access.revoke_api_token(
        uow=units.tenant(org_id), principal=_operator(org_id), token_id=wanted
    )
    return [f"revoked {revoked.id} ({revoked.role.value}, {revoked.name})"]
