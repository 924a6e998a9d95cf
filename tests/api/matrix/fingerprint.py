"""A fingerprint of one organisation's data, table by table: the matrix takes one before and
one after each intruder's write, so a route that answers 404 but wrote anyway is caught.

The tables are read from the schema, not listed: a new tenant table is fingerprinted without
anyone remembering to add it here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from uuid import UUID

import asyncpg

from app.adapters.db.rls import ORG_SETTING

# Every table of the schema, whether it carries the tenant column, and whether the
# application's role (the test's connection) may read it.
_TABLES = """
SELECT c.relname AS name,
       EXISTS (SELECT 1 FROM pg_attribute a
               WHERE a.attrelid = c.oid AND a.attname = 'organization_id'
                 AND NOT a.attisdropped) AS tenant_column,
       has_table_privilege(c.oid, 'SELECT') AS readable
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
ORDER BY c.relname
"""

# Which rows of a table without `organization_id` are the organisation's. The organisation
# itself is its own row. alembic_version holds the schema's revision, nobody's data.
_WITHOUT_TENANT_COLUMN = {"organizations": "id = $1", "alembic_version": None}

# Tenant tables the application's role may write but not read, and why their rows are
# proven unchanged without reading them. audit_unsealed is the sealer's queue of audit
# records: the app only inserts into it, in the statement that inserts the records
# themselves (repositories/trail.py), so audit_events changes whenever it does.
_UNREADABLE = {"audit_unsealed": "audit_events"}

# Columns a refused request may write that are not the victim's data. A token's
# last_used_at is set by authenticate_api_token each time the token is presented (the
# token cache decides when), so it changes only by its bearer's own calls: here the
# unrelated participant's token, which lives in the victim's organisation.
_CALLERS_OWN = {"api_tokens": "last_used_at"}

Prints = dict[str, tuple[int, str]]


@dataclass(frozen=True)
class Fingerprint:
    """`statement` returns one (table, rows, print of the rows) for every tenant table."""

    connection: asyncpg.Connection
    organization_id: UUID
    statement: str

    async def take(self) -> Prints:
        # The test's connection is the application's role, which row-level security binds:
        # it sees the organisation's rows only with the organisation as its tenant. The
        # setting is made in a savepoint and undone with it, so the app under test (which
        # sets its own tenant in each unit of work) is left as it was.
        tenant = str(self.organization_id)  # a UUID: safe to inline, as the unit of work does
        await self.connection.execute(
            f"SAVEPOINT fingerprint; SELECT set_config('{ORG_SETTING}', '{tenant}', true)"
        )
        try:
            rows = await self.connection.fetch(self.statement, self.organization_id)
        finally:
            await self.connection.execute(
                "ROLLBACK TO SAVEPOINT fingerprint; RELEASE SAVEPOINT fingerprint"
            )
        return {r["name"]: (r["rows"], r["print"]) for r in rows}

    @asynccontextmanager
    async def untouched(
        self, *call: object, except_in: frozenset[str] = frozenset()
    ) -> AsyncIterator[None]:
        """Fails, naming `call` and every table it changed, if the block wrote any row
        (of a table other than `except_in`)."""
        before = await self.take()
        yield
        after = await self.take()
        changed = {
            table: f"{before[table][0]} rows -> {after[table][0]} rows"
            for table in before
            if before[table] != after[table] and table not in except_in
        }
        assert not changed, ("the victim's data changed", *call, changed)


async def fingerprint(connection: asyncpg.Connection, organization_id: UUID) -> Fingerprint:
    parts = []
    for table in await connection.fetch(_TABLES):
        name = table["name"]
        if not table["readable"]:
            assert name in _UNREADABLE, f"{name} is unreadable: say how it is proven unchanged"
            continue
        if table["tenant_column"]:
            rows = "organization_id = $1"
        elif name in _WITHOUT_TENANT_COLUMN:
            rows = _WITHOUT_TENANT_COLUMN[name]
        else:
            raise AssertionError(
                f"{name} has no organization_id: fingerprint its rows joined to their parent's"
            )
        if rows is not None:
            parts.append(_print_of(name, rows))
    return Fingerprint(connection, organization_id, " UNION ALL ".join(parts))


def _print_of(table: str, rows: str) -> str:
    """(table, rows, print) for the organisation's `rows`. The print is the sum of the rows'
    64-bit hashes: it changes with any row, whatever order the rows are read in, without
    the sort an ordered md5 of them all would take in each table."""
    row = f"(to_jsonb(t) - '{_CALLERS_OWN[table]}')::text" if table in _CALLERS_OWN else "t::text"
    # The names come from the catalogue and the constants above, never from a request.
    return (
        f"SELECT '{table}' AS name, count(*) AS rows, "  # noqa: S608
        f"coalesce(sum(hashtextextended({row}, 0)), 0)::text AS print "
        f'FROM "{table}" t WHERE t.{rows}'
    )
