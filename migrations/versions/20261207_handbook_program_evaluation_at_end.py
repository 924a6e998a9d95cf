"""handbook audit: Caltrans' program evaluation comes at the conclusion of the term

002 "Policies & Protocols": the mentee is "willing to participate in an evaluation of the
overall process at the conclusion of the mentoring program period". A new setting,
`evaluations.program_evaluation_at_end`, times it to the term's last month. Stored policies
(programs' versions and mentorships' snapshots) get it as false, which keeps what they did:
a running mentorship never changes the rules it started under.

Revision ID: handbook0002
Revises: sealing0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0002"
down_revision: str | Sequence[str] | None = "sealing0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "program_evaluation_at_end"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{evaluations,{_SETTING}}}', 'false'::jsonb)"


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
