"""handbook audit: Caltrans' checkup is a dialogue; the partner reads its free text

002 "Appendix: Relationship Checkup Worksheet": "Use this worksheet to create a dialogue about
your mentoring relationship". A new setting, `evaluations.free_text_shared_with_pair`, names
the evaluation kinds whose free text the respondent's partner reads too. Stored policies
(programs' versions and mentorships' snapshots) get it empty, which keeps what they did: each
evaluation's free text stays its respondent's, and a running mentorship never changes the
rules it started under. Programs created from the Caltrans preset from now on share the checkup.

Revision ID: handbook0008
Revises: handbook0007
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0008"
down_revision: str | Sequence[str] | None = "handbook0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "free_text_shared_with_pair"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{evaluations,{_SETTING}}}', '[]'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it."""
    return f"({policy}) #- '{{evaluations,{_SETTING}}}'"


def _rewrite(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    _rewrite(upgraded("policy"), f"NOT (policy -> 'evaluations') ? '{_SETTING}'")


def downgrade() -> None:
    _rewrite(downgraded("policy"), f"(policy -> 'evaluations') ? '{_SETTING}'")
