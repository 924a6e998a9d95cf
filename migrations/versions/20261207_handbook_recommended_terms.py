"""handbook audit: a recommended term is a recommendation, not a bound

002 FAQ "How long should the mentoring relationship last?": "The recommended duration of the
relationship is six-months"; 003 "Duration": "at least a one-year partnership ... [is]
recommended". A new setting, `term.recommended_min_months`, holds the recommended length: an
agreed term below it is accepted, and the agreement shows a notice. Stored policies (programs'
versions and mentorships' snapshots) get it as null, which keeps what they did. Their hard
`term.min_months` is left as it is: a program made from the Caltrans or NC preset cannot be
told apart from one that chose that minimum, so only programs created from now on (or edited
by their administrators) accept a shorter term.

Revision ID: handbook0009
Revises: handbook0008
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0009"
down_revision: str | Sequence[str] | None = "handbook0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "recommended_min_months"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{term,{_SETTING}}}', 'null'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it."""
    return f"({policy}) #- '{{term,{_SETTING}}}'"


def _rewrite(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    _rewrite(upgraded("policy"), f"NOT (policy -> 'term') ? '{_SETTING}'")


def downgrade() -> None:
    _rewrite(downgraded("policy"), f"(policy -> 'term') ? '{_SETTING}'")
