"""refresh planner statistics after a bulk write: ANALYZE for the application role

Revision ID: import0001
Revises: matching0001
"""

from collections.abc import Sequence

from alembic import op

from app.adapters.db import rls

revision: str = "import0001"
down_revision: str | Sequence[str] | None = "matching0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Only a table's owner may ANALYZE it, and the application role owns nothing. An import into
# a table shared by every organisation leaves its statistics stale (autovacuum waits for a
# tenth of the whole table to change), and plans made on them can be thousands of times
# slower. This function may analyze the tables the service writes in bulk, and nothing else.
_CREATE = [
    """
CREATE FUNCTION refresh_statistics(tables text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY tables LOOP
    IF name = ANY (ARRAY['employees']) THEN
      EXECUTE format('ANALYZE %I', name);
    END IF;
  END LOOP;
END $$
""",
    "REVOKE ALL ON FUNCTION refresh_statistics(text[]) FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION refresh_statistics(text[]) TO {rls.APP_ROLE}",
]


def upgrade() -> None:
    for statement in _CREATE:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS refresh_statistics(text[])")
