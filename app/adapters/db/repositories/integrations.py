"""Repository of the integrations area. Every statement is scoped to one organisation,
except the delivery worker's queue, which an administrative unit of work reads across them."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg
import sqlalchemy as sa

from app.adapters.db.repositories import (
    hr_flags,
    roster_facts,
    scim_groups,
    scim_users,
    webhook_queue,
)
from app.adapters.db.sql import compile_statement
from app.adapters.db.tables import outbox_events as box
from app.adapters.db.tables_integrations import webhook_deliveries as dlv
from app.adapters.db.tables_integrations import webhook_endpoints as ep
from app.domain.directory import Employee
from app.domain.lifecycle import MentorshipState
from app.services.integrations.ports import (
    Attempt,
    DueDelivery,
    MentorshipFlag,
    OpenPair,
    ScimGroup,
    WebhookDelivery,
    WebhookEndpoint,
)

_ORG: sa.BindParameter[object] = sa.bindparam("org")
_ID: sa.BindParameter[object] = sa.bindparam("id")
_EP = (
    ep.c.id,
    ep.c.url,
    ep.c.description,
    ep.c.event_types,
    ep.c.enabled,
    ep.c.disabled_reason,
    ep.c.version,
    ep.c.created_at,
    ep.c.updated_at,
    ep.c.previous_secret_expires_at,
)
_INSERT_EP = compile_statement(
    ep.insert().values(
        organization_id=_ORG,
        secret=sa.bindparam("secret"),
        **{c.name: sa.bindparam(c.name) for c in _EP[:7]},
    )
)
_LIST_EP = compile_statement(
    sa.select(*_EP).where(ep.c.organization_id == _ORG).order_by(ep.c.created_at, ep.c.id)
)
_GET_EP = compile_statement(sa.select(*_EP).where(ep.c.organization_id == _ORG, ep.c.id == _ID))
_UPDATABLE = ("url", "description", "event_types", "enabled", "disabled_reason")
_UPDATE_EP = {
    name: compile_statement(
        ep.update()
        .where(
            ep.c.organization_id == _ORG,
            ep.c.id == _ID,
            sa.or_(
                sa.bindparam("expected", type_=sa.Integer).is_(None),
                ep.c.version == sa.bindparam("expected2", type_=sa.Integer),
            ),
        )
        .values(
            {
                name: sa.bindparam("value", type_=ep.c[name].type),
                "version": ep.c.version + sa.literal_column("1"),
                "updated_at": sa.func.now(),
            }
        )
        .returning(*_EP)
    )
    for name in _UPDATABLE
}
_ROTATE = compile_statement(
    ep.update()
    .where(ep.c.organization_id == _ORG, ep.c.id == _ID)
    .values(
        previous_secret=ep.c.secret,
        previous_secret_expires_at=sa.bindparam("expires", type_=sa.DateTime(timezone=True)),
        secret=sa.bindparam("secret"),
        version=ep.c.version + sa.literal_column("1"),
        updated_at=sa.func.now(),
    )
    .returning(*_EP)
)
_DELETE_EP = compile_statement(
    ep.delete().where(ep.c.organization_id == _ORG, ep.c.id == _ID).returning(ep.c.id)
)
_DLV = (
    dlv.c.id,
    dlv.c.endpoint_id,
    box.c.event_id,
    box.c.event_type,
    dlv.c.state,
    dlv.c.attempts,
    dlv.c.next_attempt_at,
    dlv.c.last_status,
    dlv.c.last_error,
    dlv.c.delivered_at,
    dlv.c.created_at,
)
_JOIN = dlv.join(
    box, sa.and_(box.c.organization_id == dlv.c.organization_id, box.c.id == dlv.c.outbox_id)
)
_LIST_DLV = compile_statement(
    sa.select(*_DLV)
    .select_from(_JOIN)
    .where(
        dlv.c.organization_id == _ORG,
        dlv.c.endpoint_id == sa.bindparam("endpoint"),
        sa.or_(
            sa.bindparam("before", type_=sa.BigInteger).is_(None),
            dlv.c.id < sa.bindparam("before2", type_=sa.BigInteger),
        ),
    )
    .order_by(dlv.c.id.desc())
    .limit(sa.bindparam("limit"))
)
# The page before a cursor (newer deliveries), read up from it; newest first is restored after.
_LIST_DLV_BACK = compile_statement(
    sa.select(*_DLV)
    .select_from(_JOIN)
    .where(
        dlv.c.organization_id == _ORG,
        dlv.c.endpoint_id == sa.bindparam("endpoint"),
        dlv.c.id
        > sa.func.coalesce(sa.bindparam("before", type_=sa.BigInteger), sa.literal_column("0")),
    )
    .order_by(dlv.c.id)
    .limit(sa.bindparam("limit"))
)
_REDELIVER = compile_statement(
    dlv.update()
    .where(dlv.c.organization_id == _ORG, dlv.c.id == _ID)
    .values(state=sa.literal_column("'pending'"), next_attempt_at=sa.func.now())
    .returning(dlv.c.id)
)
_ONE_DLV = compile_statement(
    sa.select(*_DLV).select_from(_JOIN).where(dlv.c.organization_id == _ORG, dlv.c.id == _ID)
)


def _endpoint(row: Mapping[str, Any]) -> WebhookEndpoint:
    return WebhookEndpoint(**{**row, "event_types": tuple(row["event_types"])})


class SqlIntegrationRepository:
    def __init__(self, connection: asyncpg.Connection, organization_id: UUID | None) -> None:
        self._connection = connection
        self._org = organization_id

    async def _fetch(self, statement: Any, **values: Any) -> list[asyncpg.Record]:
        rows: list[asyncpg.Record] = await self._connection.fetch(
            statement.sql, *statement.args({"org": self._org, **values})
        )
        return rows

    async def add_endpoint(self, endpoint: WebhookEndpoint, secret: str) -> None:
        values = {c.name: getattr(endpoint, c.name) for c in _EP[:7]}
        values["event_types"] = list(endpoint.event_types)
        await self._fetch(_INSERT_EP, secret=secret, **values)

    async def endpoints(self) -> list[WebhookEndpoint]:
        return [_endpoint(r) for r in await self._fetch(_LIST_EP)]

    async def endpoint(self, endpoint_id: UUID) -> WebhookEndpoint | None:
        rows = await self._fetch(_GET_EP, id=endpoint_id)
        return _endpoint(rows[0]) if rows else None

    async def update_endpoint(
        self, endpoint_id: UUID, version: int | None, changes: Mapping[str, Any]
    ) -> WebhookEndpoint | None:
        """Apply `changes` if the endpoint is still at `version` (None: any); None if not."""
        found = await self.endpoint(endpoint_id)
        for name, value in changes.items():
            stored = list(value) if name == "event_types" else value
            rows = await self._fetch(
                _UPDATE_EP[name], id=endpoint_id, expected=version, expected2=version, value=stored
            )
            if not rows:
                return None
            found, version = _endpoint(rows[0]), rows[0]["version"]
        return found

    async def rotate_secret(
        self, endpoint_id: UUID, secret: str, old_expires_at: datetime
    ) -> WebhookEndpoint | None:
        rows = await self._fetch(_ROTATE, id=endpoint_id, secret=secret, expires=old_expires_at)
        return _endpoint(rows[0]) if rows else None

    async def remove_endpoint(self, endpoint_id: UUID) -> bool:
        return bool(await self._fetch(_DELETE_EP, id=endpoint_id))

    async def deliveries(
        self, endpoint_id: UUID, *, before: int | None, limit: int, backward: bool = False
    ) -> list[WebhookDelivery]:
        if backward:
            rows = await self._fetch(
                _LIST_DLV_BACK, endpoint=endpoint_id, before=before, limit=limit
            )
            return [WebhookDelivery(**r) for r in reversed(rows)]
        rows = await self._fetch(
            _LIST_DLV, endpoint=endpoint_id, before=before, before2=before, limit=limit
        )
        return [WebhookDelivery(**r) for r in rows]

    async def redeliver(self, delivery_id: int) -> WebhookDelivery | None:
        if not await self._fetch(_REDELIVER, id=delivery_id):
            return None
        rows = await self._fetch(_ONE_DLV, id=delivery_id)
        return WebhookDelivery(**rows[0])

    async def claim_due(self, limit: int) -> list[DueDelivery]:
        rows = await self._fetch(webhook_queue.CLAIM, limit=limit)
        return [
            DueDelivery(
                organization_id=r["organization_id"],
                id=r["id"],
                endpoint_id=r["endpoint_id"],
                url=r["url"],
                secrets=_secrets(r),
                event_id=r["event_id"],
                event_type=r["event_type"],
                payload=r["payload"],
                occurred_at=r["occurred_at"],
                attempts=r["attempts"],
                created_at=r["created_at"],
            )
            for r in rows
        ]

    async def record_attempts(self, attempts: Sequence[Attempt]) -> None:
        await self._fetch(
            webhook_queue.RECORD,
            orgs=[a.organization_id for a in attempts],
            ids=[a.delivery_id for a in attempts],
            states=[a.state for a in attempts],
            next_ats=[a.next_attempt_at for a in attempts],
            statuses=[a.status for a in attempts],
            errors=[a.error for a in attempts],
        )

    async def disable_endpoints(self, gone: Sequence[tuple[UUID, UUID]], reason: str) -> None:
        await self._fetch(
            webhook_queue.DISABLE,
            orgs=[o for o, _ in gone],
            ids=[i for _, i in gone],
            reason=reason,
        )

    async def scim_search(
        self, condition: object, *, offset: int, limit: int
    ) -> tuple[int, list[Employee]]:
        """Built per request (a filter is the client's), still one statement per page."""
        return await scim_users.search(self._connection, self._org, condition, offset, limit)

    async def scim_group(self, group_id: UUID) -> ScimGroup | None:
        return await scim_groups.get(self._connection, self._org, group_id)

    async def scim_group_search(
        self, condition: object, *, offset: int, limit: int
    ) -> tuple[int, list[ScimGroup]]:
        return await scim_groups.search(self._connection, self._org, condition, offset, limit)

    async def save_scim_group(self, group: ScimGroup) -> ScimGroup:
        return await scim_groups.save(self._connection, self._org, group)

    async def remove_scim_group(self, group_id: UUID) -> bool:
        return await scim_groups.remove(self._connection, self._org, group_id)

    async def open_pairs_of(
        self, employee_ids: Sequence[UUID], states: Collection[MentorshipState]
    ) -> list[OpenPair]:
        ids = list(employee_ids)
        rows = await self._fetch(hr_flags.OPEN_PAIRS, ids=ids, ids2=ids, states=list(states))
        return [OpenPair(r["id"], r["mentee_id"], r["mentor_id"], r["policy"]) for r in rows]

    async def add_flag(self, flag: MentorshipFlag) -> bool:
        """False when the same flag is already open for the pair."""
        values = {**{k: getattr(flag, k) for k in ("id", "mentorship_id", "raised_at")}}
        values |= {"rules": list(flag.rules), "reasons": list(flag.reasons)}
        return bool(await self._fetch(hr_flags.ADD_FLAG, **values))

    async def flags_of(self, mentorship_id: UUID) -> list[MentorshipFlag]:
        """The pair's open flags, oldest first."""
        rows = await self._fetch(hr_flags.FLAGS_OF, mentorship_id=mentorship_id)
        return [
            MentorshipFlag(
                r["id"], r["mentorship_id"], tuple(r["rules"]), tuple(r["reasons"]), r["raised_at"]
            )
            for r in rows
        ]

    async def resolve_flags(self, mentorship_id: UUID) -> None:
        """The pair's open flags are dealt with (it was closed)."""
        await self._fetch(hr_flags.RESOLVE_FLAGS, mentorship_id=mentorship_id)

    async def open_flags(self) -> list[MentorshipFlag]:
        rows = await self._fetch(hr_flags.OPEN_FLAGS)
        return [
            MentorshipFlag(
                r["id"], r["mentorship_id"], tuple(r["rules"]), tuple(r["reasons"]), r["raised_at"]
            )
            for r in rows
        ]

    async def purge_idempotency_keys(self, older_than: timedelta) -> int:
        """Forget stored responses older than `older_than`; answers how many went."""
        status = await self._connection.execute(
            "DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval", older_than
        )
        return int(status.split()[-1])

    async def participant_facts(self, cohort_id: UUID | None) -> list[tuple[Any, ...]]:
        rows = await self._fetch(roster_facts.PARTICIPANTS, cohort=cohort_id, cohort2=cohort_id)
        return [tuple(r) for r in rows]

    async def mentorship_facts(self, cohort_id: UUID | None) -> list[tuple[Any, ...]]:
        rows = await self._fetch(roster_facts.MENTORSHIPS, cohort=cohort_id, cohort2=cohort_id)
        return [tuple(r) for r in rows]


def _secrets(row: Mapping[str, Any]) -> tuple[str, ...]:
    return (row["secret"], row["previous_secret"]) if row["previous_secret"] else (row["secret"],)
