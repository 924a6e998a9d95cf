"""handbook audit: Maine's Administrator recommends ending a relationship; the pair ends it

004 "Confidentiality" exception 3: mentors or protégés "may contact the Mentoring Program
Administrator, who may intervene and may even recommend the mentoring relationship be
terminated". A new setting, `ending.administrator_may_recommend_termination`, lets the
administrator record that recommendation for the pair (kept in the new column
`mentorship_progress.termination_recommendations`), and the Maine preset now recommends rather
than terminates. Stored policies (programs' versions and mentorships' snapshots) get the setting
as false, which keeps what they did: a Maine program made before keeps its administrator's
`administrator_may_terminate` (an organisation may have chosen it) and a running mentorship
never changes the rules it started under. Programs created from the Maine preset from now on
recommend.

Revision ID: handbook0010
Revises: handbook0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "handbook0010"
down_revision: str | Sequence[str] | None = "handbook0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "administrator_may_recommend_termination"
_COLUMN = "termination_recommendations"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{ending,{_SETTING}}}', 'false'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it."""
    return f"({policy}) #- '{{ending,{_SETTING}}}'"


def _rewrite(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    op.add_column(
        "mentorship_progress",
        sa.Column(_COLUMN, pg.JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
    )
    _rewrite(upgraded("policy"), f"NOT (policy -> 'ending') ? '{_SETTING}'")


def downgrade() -> None:
    _rewrite(downgraded("policy"), f"(policy -> 'ending') ? '{_SETTING}'")
    op.drop_column("mentorship_progress", _COLUMN)
