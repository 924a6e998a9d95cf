"""Webhook deliveries: an endpoint's history, a redelivery, and the worker's queue across
organisations (claimed, then each attempt recorded)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db.repositories.integrations import webhook_queue
from app.adapters.db.repositories.integrations.statements import ID, ORG, IntegrationStatements
from app.adapters.db.sql import compile_statement
from app.adapters.db.tables import outbox_events as box
from app.adapters.db.tables_integrations import webhook_deliveries as dlv
from app.domain.webhook_delivery import DeliveryState
from app.services.integrations.ports import Attempt, DueDelivery, WebhookDelivery

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
        dlv.c.organization_id == ORG,
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
        dlv.c.organization_id == ORG,
        dlv.c.endpoint_id == sa.bindparam("endpoint"),
        dlv.c.id
        > sa.func.coalesce(sa.bindparam("before", type_=sa.BigInteger), sa.literal_column("0")),
    )
    .order_by(dlv.c.id)
    .limit(sa.bindparam("limit"))
)
_REDELIVER = compile_statement(
    dlv.update()
    .where(dlv.c.organization_id == ORG, dlv.c.id == ID)
    .values(state=sa.literal_column(f"'{DeliveryState.PENDING}'"), next_attempt_at=sa.func.now())
    .returning(dlv.c.id)
)
_ONE_DLV = compile_statement(
    sa.select(*_DLV).select_from(_JOIN).where(dlv.c.organization_id == ORG, dlv.c.id == ID)
)


class SqlWebhookDeliveries(IntegrationStatements):
    """Deliveries of an organisation's events, and the worker's queue."""

    async def deliveries(
        self, endpoint_id: UUID, *, before: int | None, limit: int, backward: bool = False
    ) -> list[WebhookDelivery]:
        if backward:
            rows = await self._fetch(
                _LIST_DLV_BACK, endpoint=endpoint_id, before=before, limit=limit
            )
            return [_delivery(r) for r in reversed(rows)]
        rows = await self._fetch(
            _LIST_DLV, endpoint=endpoint_id, before=before, before2=before, limit=limit
        )
        return [_delivery(r) for r in rows]

    async def redeliver(self, delivery_id: int) -> WebhookDelivery | None:
        if not await self._fetch(_REDELIVER, id=delivery_id):
            return None
        rows = await self._fetch(_ONE_DLV, id=delivery_id)
        return _delivery(rows[0])

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


def _secrets(row: Mapping[str, Any]) -> tuple[str, ...]:
    return (row["secret"], row["previous_secret"]) if row["previous_secret"] else (row["secret"],)


def _delivery(row: Mapping[str, Any]) -> WebhookDelivery:
    """A delivery row as the domain's value: its state as a `DeliveryState`."""
    return WebhookDelivery(**{**row, "state": DeliveryState(row["state"])})
