"""employees' references checked once per statement instead of once per row

A foreign key is checked by PostgreSQL row by row: an import of 100,000 employees ran
200,000 lookups (its organisation, each one's manager), most of the statement's time. The
two foreign keys *from* `employees` (to `organizations`, and the manager link to
`employees` itself) become statement-level triggers that check the statement's rows as a
set, in one join each, and take the same `KEY SHARE` locks a foreign key takes on what is
referenced (so a concurrent delete waits, as it would). The referenced side is guarded too:
deleting an organisation or an employee still referenced, or changing a referenced key,
fails with the same error (SQLSTATE 23503, the same constraint names). Foreign keys *to*
`employees` from other tables are unchanged.

The checks run with the caller's rights: under row-level security a reference the caller
may not see is refused, never let through.

Revision ID: import30001
Revises: runjobs0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "import30001"
down_revision: str | Sequence[str] | None = "runjobs0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ORG_FK = "fk_employees_organization_id_organizations"
_MANAGER_FK = "fk_employees_manager"

# Each check looks rows up by key, as a foreign key's does: the transition table has no
# statistics, and right after a large import neither has `employees`, so the planner is told
# to probe the indexes row by row rather than guess (a scan of `employees` per row of a
# 100,000-row statement would be quadratic).
_KEYED = "SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off"

_REFERENCES_EXIST = f"""
CREATE FUNCTION employees_references_exist() RETURNS trigger LANGUAGE plpgsql
{_KEYED} AS $$
BEGIN
  PERFORM 1 FROM (SELECT DISTINCT organization_id FROM written_employees) w,
    LATERAL (SELECT 1 FROM organizations o WHERE o.id = w.organization_id FOR KEY SHARE) k;
  IF EXISTS (SELECT 1 FROM written_employees w
             WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = w.organization_id))
  THEN
    RAISE EXCEPTION 'insert or update on table "employees" violates foreign key constraint "{_ORG_FK}"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '{_ORG_FK}', TABLE = 'employees';
  END IF;
  PERFORM 1 FROM (SELECT DISTINCT organization_id, manager_id FROM written_employees
                  WHERE manager_id IS NOT NULL) w,
    LATERAL (SELECT 1 FROM employees m
             WHERE m.organization_id = w.organization_id AND m.id = w.manager_id
             FOR KEY SHARE) k;
  IF EXISTS (SELECT 1 FROM written_employees w
             WHERE w.manager_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM employees m
               WHERE m.organization_id = w.organization_id AND m.id = w.manager_id))
  THEN
    RAISE EXCEPTION 'insert or update on table "employees" violates foreign key constraint "{_MANAGER_FK}"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '{_MANAGER_FK}', TABLE = 'employees';
  END IF;
  RETURN NULL;
END $$
"""

# An organisation or an employee may go (or change its key) only when nothing refers to it.
_ORGANIZATION_UNREFERENCED = f"""
CREATE FUNCTION organizations_unreferenced_by_employees() RETURNS trigger LANGUAGE plpgsql
{_KEYED} AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT id FROM gone) g,
             LATERAL (SELECT 1 FROM employees e WHERE e.organization_id = g.id LIMIT 1) x
             WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = g.id))
  THEN
    RAISE EXCEPTION 'update or delete on table "organizations" violates foreign key constraint "{_ORG_FK}" on table "employees"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '{_ORG_FK}', TABLE = 'employees';
  END IF;
  RETURN NULL;
END $$
"""

_MANAGER_UNREFERENCED = f"""
CREATE FUNCTION employees_unreferenced_as_manager() RETURNS trigger LANGUAGE plpgsql
{_KEYED} AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM gone g,
             LATERAL (SELECT 1 FROM employees e
                      WHERE e.organization_id = g.organization_id AND e.manager_id = g.id
                      LIMIT 1) x
             WHERE NOT EXISTS (SELECT 1 FROM employees m
                               WHERE m.organization_id = g.organization_id AND m.id = g.id))
  THEN
    RAISE EXCEPTION 'update or delete on table "employees" violates foreign key constraint "{_MANAGER_FK}" on table "employees"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '{_MANAGER_FK}', TABLE = 'employees';
  END IF;
  RETURN NULL;
END $$
"""

_ORGANIZATION_KEY_CHANGE = f"""
CREATE FUNCTION organization_key_unreferenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM employees e WHERE e.organization_id = OLD.id) THEN
    RAISE EXCEPTION 'update or delete on table "organizations" violates foreign key constraint "{_ORG_FK}" on table "employees"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '{_ORG_FK}', TABLE = 'employees';
  END IF;
  RETURN NULL;
END $$
"""
_EMPLOYEE_KEY_CHANGE = f"""
CREATE FUNCTION employee_key_unreferenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM employees e
             WHERE e.organization_id = OLD.organization_id AND e.manager_id = OLD.id) THEN
    RAISE EXCEPTION 'update or delete on table "employees" violates foreign key constraint "{_MANAGER_FK}" on table "employees"'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '{_MANAGER_FK}', TABLE = 'employees';
  END IF;
  RETURN NULL;
END $$
"""

_TRIGGERS = [
    "CREATE TRIGGER employees_references_on_insert AFTER INSERT ON employees "
    "REFERENCING NEW TABLE AS written_employees "
    "FOR EACH STATEMENT EXECUTE FUNCTION employees_references_exist()",
    "CREATE TRIGGER employees_references_on_update AFTER UPDATE ON employees "
    "REFERENCING NEW TABLE AS written_employees "
    "FOR EACH STATEMENT EXECUTE FUNCTION employees_references_exist()",
    "CREATE TRIGGER organizations_referenced_on_delete AFTER DELETE ON organizations "
    "REFERENCING OLD TABLE AS gone "
    "FOR EACH STATEMENT EXECUTE FUNCTION organizations_unreferenced_by_employees()",
    # A key changes never in the service's own writes: a row trigger that fires only then.
    "CREATE TRIGGER organizations_referenced_on_update AFTER UPDATE OF id ON organizations "
    "FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) "
    "EXECUTE FUNCTION organization_key_unreferenced()",
    "CREATE TRIGGER employees_referenced_on_delete AFTER DELETE ON employees "
    "REFERENCING OLD TABLE AS gone "
    "FOR EACH STATEMENT EXECUTE FUNCTION employees_unreferenced_as_manager()",
    "CREATE TRIGGER employees_referenced_on_update AFTER UPDATE OF id, organization_id "
    "ON employees FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id "
    "OR OLD.organization_id IS DISTINCT FROM NEW.organization_id) "
    "EXECUTE FUNCTION employee_key_unreferenced()",
]
_DROPPED = [
    ("employees_references_on_insert", "employees"),
    ("employees_references_on_update", "employees"),
    ("organizations_referenced_on_delete", "organizations"),
    ("organizations_referenced_on_update", "organizations"),
    ("employees_referenced_on_delete", "employees"),
    ("employees_referenced_on_update", "employees"),
]
_FUNCTIONS = (
    "organization_key_unreferenced",
    "employee_key_unreferenced",
    "employees_references_exist",
    "organizations_unreferenced_by_employees",
    "employees_unreferenced_as_manager",
)


def upgrade() -> None:
    op.drop_constraint(_MANAGER_FK, "employees", type_="foreignkey")
    op.drop_constraint(_ORG_FK, "employees", type_="foreignkey")
    for statement in (
        _REFERENCES_EXIST,
        _ORGANIZATION_UNREFERENCED,
        _MANAGER_UNREFERENCED,
        _ORGANIZATION_KEY_CHANGE,
        _EMPLOYEE_KEY_CHANGE,
    ):
        op.execute(statement)
    for statement in _TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for trigger, table in _DROPPED:
        op.execute(f"DROP TRIGGER {trigger} ON {table}")
    for function in _FUNCTIONS:
        op.execute(f"DROP FUNCTION {function}()")
    op.create_foreign_key(_ORG_FK, "employees", "organizations", ["organization_id"], ["id"])
    op.create_foreign_key(
        _MANAGER_FK,
        "employees",
        "employees",
        ["organization_id", "manager_id"],
        ["organization_id", "id"],
    )
