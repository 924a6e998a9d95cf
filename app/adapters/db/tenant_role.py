"""The role the API serves tenants as must be bound by row-level security: checked at start-up."""

from __future__ import annotations

from collections.abc import Mapping

from app.adapters.db.database import Database
from app.adapters.db.rls import APP_ROLE


class UnsafeTenantRole(RuntimeError):
    """The service would connect as a role that row-level security does not bind."""


# Why a role may not serve tenants: it bypasses the policies, or it may raise the admin flag
# (a member of a tenant table's owner). One row; every column false for a safe role.
TENANT_ROLE_CHECK = """
SELECT current_user AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypasses_rls,
       EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relrowsecurity
                 AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owns_tables
FROM pg_roles r WHERE r.rolname = current_user
"""


def tenant_role_refusal(row: Mapping[str, object]) -> str | None:
    """Why the role in a TENANT_ROLE_CHECK row must not serve tenants, or None."""
    reasons = [
        text
        for key, text in (
            ("superuser", "is a superuser"),
            ("bypasses_rls", "has BYPASSRLS"),
            ("owns_tables", "owns the tables (or is a member of their owner)"),
        )
        if row[key]
    ]
    if not reasons:
        return None
    return (
        f"refusing to serve tenants as database role {row['role']!r}: it {' and '.join(reasons)}, "
        "so row-level security would not keep organisations apart. Connect the service as a "
        f"role that owns nothing (by default {APP_ROLE}, created by `mentoring migrate`; set "
        "APP_DATABASE_URL or APP_DATABASE_PASSWORD), and keep the owner's DATABASE_URL for "
        "migrations and admin work."
    )


async def refuse_unsafe_tenant_role(database: Database) -> None:
    """Fail closed before serving: one query, once per process start."""
    async with database.connect() as connection:
        row = await connection.fetchrow(TENANT_ROLE_CHECK)
    if reason := tenant_role_refusal(row):
        raise UnsafeTenantRole(reason)
