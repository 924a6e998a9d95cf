"""Webhook endpoints: where an organisation's events go, and the secrets that sign them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.db.repositories.integrations.statements import ID, ORG, IntegrationStatements
from app.adapters.db.sql import compile_statement
from app.adapters.db.tables_integrations import webhook_endpoints as ep
from app.services.integrations.ports import WebhookEndpoint

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
        organization_id=ORG,
        secret=sa.bindparam("secret"),
        **{c.name: sa.bindparam(c.name) for c in _EP[:7]},
    )
)
_LIST_EP = compile_statement(
    sa.select(*_EP).where(ep.c.organization_id == ORG).order_by(ep.c.created_at, ep.c.id)
)
_GET_EP = compile_statement(sa.select(*_EP).where(ep.c.organization_id == ORG, ep.c.id == ID))
_UPDATABLE = ("url", "description", "event_types", "enabled", "disabled_reason")
_UPDATE_EP = {
    name: compile_statement(
        ep.update()
        .where(
            ep.c.organization_id == ORG,
            ep.c.id == ID,
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
    .where(ep.c.organization_id == ORG, ep.c.id == ID)
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
    ep.delete().where(ep.c.organization_id == ORG, ep.c.id == ID).returning(ep.c.id)
)


def _endpoint(row: Mapping[str, Any]) -> WebhookEndpoint:
    return WebhookEndpoint(**{**row, "event_types": tuple(row["event_types"])})


class SqlWebhookEndpoints(IntegrationStatements):
    """An organisation's webhook endpoints."""

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
