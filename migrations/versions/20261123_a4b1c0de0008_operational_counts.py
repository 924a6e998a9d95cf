"""operators' counts across tenants: mentorships by state, for /metrics

Revision ID: a4b1c0de0008
Revises: a4b1c0de0007
"""

from collections.abc import Sequence

from alembic import op

from app.adapters.db import rls

revision: str = "a4b1c0de0008"
down_revision: str | Sequence[str] | None = "a4b1c0de0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The application role cannot cross tenants; this function may, and gives out only counts:
# no organisation, no id, nothing a row says beyond its state.
_CREATE = [
    """
CREATE FUNCTION mentorship_counts_by_state() RETURNS TABLE (state text, count bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET app.is_admin = 'on'
AS $$ SELECT m.state, count(*) FROM mentorships m GROUP BY m.state $$
""",
    "REVOKE ALL ON FUNCTION mentorship_counts_by_state() FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION mentorship_counts_by_state() TO {rls.APP_ROLE}",
]


def upgrade() -> None:
    for statement in _CREATE:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS mentorship_counts_by_state()")
