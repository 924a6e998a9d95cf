"""The audit log in GraphQL: the same service as REST."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.context import context_of
from app.api.graphql.relay import PageInfo, cursor_argument, direction, page_info
from app.api.pagination import bigint, key_in
from app.domain.access import AuditEvent as AuditEventRecord
from app.services import access as service
from app.services.paging import encode_cursor


@strawberry.type
class AuditEvent:
    id: int
    occurred_at: datetime
    actor: str = strawberry.field(
        description="Who acted: `employee:<id>` for a person's token or sign-in, else the "
        "token or service itself (`token:<id>`, `oidc:<subject>`, `cli`, `system:<job>`)"
    )
    actor_role: str
    action: str
    resource_type: str
    resource_id: str | None
    reason: str | None
    request_id: str | None
    details: JSON

    @classmethod
    def of(cls, e: AuditEventRecord) -> AuditEvent:
        return cls(
            id=e.id or 0,
            occurred_at=e.occurred_at or datetime.min.replace(tzinfo=UTC),
            actor=e.actor,
            actor_role=e.actor_role,
            action=e.action,
            resource_type=e.resource_type,
            resource_id=e.resource_id,
            reason=e.reason,
            request_id=e.request_id,
            details=cast(JSON, dict(e.details)),
        )


@strawberry.type
class AuditEventEdge:
    cursor: str
    node: AuditEvent


@strawberry.type(description="A page of the audit log, newest first")
class AuditEventConnection:
    edges: list[AuditEventEdge]
    page_info: PageInfo


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="Audit events, newest first (administrators; Relay connection: "
        "`first`/`after` towards older events, `last`/`before` towards newer ones)"
    )
    async def audit_events(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> AuditEventConnection:
        count, cursor, backward = direction(first, after, last, before, default=50)
        context = context_of(info)
        events = await service.list_audit_events(
            uow=context.new_uow(),
            principal=context.principal,
            before=key_in(cursor, bigint, cursor_argument(backward)),
            limit=count,
            backward=backward,
        )
        edges = [
            AuditEventEdge(cursor=encode_cursor([e.id]), node=AuditEvent.of(e))
            for e in events.items
        ]
        where = page_info(
            [e.cursor for e in edges],
            more=events.has_more,
            backward=backward,
            resumed=cursor is not None,
        )
        return AuditEventConnection(edges=edges, page_info=where)
