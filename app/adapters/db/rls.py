"""Row-level security, the second wall between tenants (the first is every query's own
`organization_id` filter). Migrations call these; a test checks that every tenant table has it.

The application connects as APP_ROLE, which owns nothing and is not a superuser, so the
policies bind it. The tenant is a transaction-local setting (`set_config(..., true)`), so it
cannot outlive the request's transaction on a pooled connection.

Crossing tenants takes two things: the `app.is_admin` setting, which any session may set,
and membership in the role that owns the schema, which a session cannot give itself. Admin
work (CLI, background jobs, migrations) connects as the owner; the API refuses to start as
a role that could cross tenants (`tenant_role.py`).
"""

from __future__ import annotations

APP_ROLE = "mentoring_app"
ORG_SETTING = "app.organization_id"

CREATE_APP_ROLE = f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
    CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
"""

# Fail closed: with no setting, app_current_org() is NULL and no row matches. These are the
# functions as first created; ADMIN_FUNCTION has since replaced app_is_admin().
POLICY_FUNCTIONS = [
    f"""
CREATE OR REPLACE FUNCTION app_current_org() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('{ORG_SETTING}', true), '')::uuid
$$""",
    f"""
CREATE OR REPLACE FUNCTION app_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.is_admin', true), '') = 'on'
     AND current_user <> '{APP_ROLE}'
$$""",
]

# The flag counts only for members of the role that ran the migration (the schema owner),
# named in the function's body so that it stays a plain expression the planner inlines into
# every policy. A deny-list of the application role would let any other login role raise it.
ADMIN_FUNCTION = """
DO $do$ BEGIN
  EXECUTE format($f$
CREATE OR REPLACE FUNCTION app_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.is_admin', true), '') = 'on'
     AND pg_has_role(current_user, %L, 'MEMBER')
$$$f$, current_user);
END $do$
"""


def grant_app_role() -> list[str]:
    """The application may read and write rows, never change the schema."""
    return [
        f"GRANT USAGE ON SCHEMA public TO {APP_ROLE}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {APP_ROLE}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {APP_ROLE}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {APP_ROLE}",
    ]


def tenant_isolation(table: str, column: str = "organization_id") -> list[str]:
    """Statements that put `table` behind the tenant policy (owners included: FORCE)."""
    rule = f"{column} = app_current_org() OR app_is_admin()"
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant_isolation ON {table} USING ({rule}) WITH CHECK ({rule})",
    ]


def drop_tenant_isolation(table: str) -> list[str]:
    return [
        f"DROP POLICY IF EXISTS tenant_isolation ON {table}",
        f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY",
    ]


def revoke_app_role() -> list[str]:
    """Undo `grant_app_role` (the role itself stays: roles belong to the whole server)."""
    return [
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM {APP_ROLE}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"REVOKE USAGE, SELECT ON SEQUENCES FROM {APP_ROLE}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {APP_ROLE}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {APP_ROLE}",
        f"REVOKE USAGE ON SCHEMA public FROM {APP_ROLE}",
    ]
