"""handbook audit: Charlotte's agreement is only a guide; a pair may write headings of its own

000 "Mentoring Relationship Agreement": "The MRA is only a guide. You may use it or create
your own." A new setting, `agreement.sections_are_a_guide`, lets a pair add headings beside
the listed sections. Stored policies (programs' versions and mentorships' snapshots) get it
as false, which keeps what they did: a running mentorship never changes the rules it started
under. Programs created from the Charlotte and Caltrans presets from now on accept them.

Revision ID: handbook0015
Revises: handbook0014
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0015"
down_revision: str | Sequence[str] | None = "handbook0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "sections_are_a_guide"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{agreement,{_SETTING}}}', 'false'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it."""
    return f"({policy}) #- '{{agreement,{_SETTING}}}'"


def _rewrite(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    _rewrite(upgraded("policy"), f"NOT (policy -> 'agreement') ? '{_SETTING}'")


def downgrade() -> None:
    _rewrite(downgraded("policy"), f"(policy -> 'agreement') ? '{_SETTING}'")
