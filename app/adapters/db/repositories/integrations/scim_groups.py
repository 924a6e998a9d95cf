"""SCIM groups: one organisation's rows of `scim_groups`, read, searched, written."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.dialects.postgresql import asyncpg as asyncpg_dialect

from app.adapters.db.sql import compile_statement
from app.adapters.db.tables_integrations import scim_groups as g
from app.domain.errors import Conflict
from app.services.integrations.ports import ScimGroup

_DIALECT = asyncpg_dialect.dialect()  # type: ignore[no-untyped-call]
_ORG = sa.bindparam("org", type_=pg.UUID(as_uuid=True))
_COLUMNS = (g.c.id, g.c.display_name, g.c.external_id, g.c.member_ids, g.c.created_at)
_GET = compile_statement(
    sa.select(*_COLUMNS, g.c.updated_at).where(
        g.c.organization_id == _ORG, g.c.id == sa.bindparam("id")
    )
)
_insert = pg.insert(g).values(
    organization_id=_ORG,
    id=sa.bindparam("id"),
    display_name=sa.bindparam("display_name"),
    external_id=sa.bindparam("external_id"),
    member_ids=sa.bindparam("member_ids"),
)
_SAVE = compile_statement(
    _insert.on_conflict_do_update(
        index_elements=[g.c.organization_id, g.c.id],
        set_={
            "display_name": _insert.excluded.display_name,
            "external_id": _insert.excluded.external_id,
            "member_ids": _insert.excluded.member_ids,
            "updated_at": sa.func.clock_timestamp(),
        },
    ).returning(*_COLUMNS, g.c.updated_at)
)
_REMOVE = compile_statement(
    g.delete().where(g.c.organization_id == _ORG, g.c.id == sa.bindparam("id")).returning(g.c.id)
)


def _group(row: asyncpg.Record) -> ScimGroup:
    return ScimGroup(
        row["id"],
        row["display_name"],
        row["external_id"],
        tuple(row["member_ids"]),
        row["created_at"],
        row["updated_at"],
    )


async def get(connection: asyncpg.Connection, org: UUID | None, group_id: UUID) -> ScimGroup | None:
    row = await connection.fetchrow(_GET.sql, *_GET.args({"org": org, "id": group_id}))
    return _group(row) if row else None


async def save(connection: asyncpg.Connection, org: UUID | None, group: ScimGroup) -> ScimGroup:
    values = {
        "org": org,
        "id": group.id,
        "display_name": group.display_name,
        "external_id": group.external_id,
        "member_ids": list(group.member_ids),
    }
    try:
        row = await connection.fetchrow(_SAVE.sql, *_SAVE.args(values))
    except asyncpg.UniqueViolationError:
        raise Conflict("a group with this displayName exists", field="displayName") from None
    return _group(row)


async def remove(connection: asyncpg.Connection, org: UUID | None, group_id: UUID) -> bool:
    return (
        await connection.fetchval(_REMOVE.sql, *_REMOVE.args({"org": org, "id": group_id}))
        is not None
    )


async def search(
    connection: asyncpg.Connection, org: UUID | None, condition: Any, offset: int, limit: int
) -> tuple[int, list[ScimGroup]]:
    """The groups matching `condition` (built per request), by displayName, and their total."""
    query = (
        sa.select(*_COLUMNS, g.c.updated_at, sa.func.count().over().label("total"))
        .where(g.c.organization_id == _ORG, condition)
        .order_by(g.c.display_name, g.c.id)
        .offset(sa.bindparam("offset"))
        .limit(sa.bindparam("limit"))
    )
    statement = compile_statement(query)
    values = {**query.compile(dialect=_DIALECT).params, "org": org, "offset": offset}
    rows = await connection.fetch(statement.sql, *statement.args(values | {"limit": max(limit, 1)}))
    if rows:
        return rows[0]["total"], ([] if limit == 0 else [_group(r) for r in rows])
    count = compile_statement(
        sa.select(sa.func.count()).where(g.c.organization_id == _ORG, condition)
    )
    return await connection.fetchval(count.sql, *count.args(values)), []
