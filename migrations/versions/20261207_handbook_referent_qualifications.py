"""handbook audit: Maine confirms a referred mentor's qualifications before the match stands

004 "four means", 1. Referrals: "Protégés may suggest their own mentors; MMS will contact the
referent to ascertain interest in serving as a mentor and to confirm qualifications". A new
setting, `matching.referent_qualifications_confirmed`, keeps a referred pair from being
confirmed until the administrator has recorded that confirmation. Stored policies (programs'
versions and mentorships' snapshots) get it as false, which keeps what they did: a running
mentorship never changes the rules it started under.

Revision ID: handbook0004
Revises: handbook0003
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0004"
down_revision: str | Sequence[str] | None = "handbook0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "referent_qualifications_confirmed"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{matching,{_SETTING}}}', 'false'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it."""
    return f"({policy}) #- '{{matching,{_SETTING}}}'"


def _rewrite(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    _rewrite(upgraded("policy"), f"NOT (policy -> 'matching') ? '{_SETTING}'")


def downgrade() -> None:
    _rewrite(downgraded("policy"), f"(policy -> 'matching') ? '{_SETTING}'")
