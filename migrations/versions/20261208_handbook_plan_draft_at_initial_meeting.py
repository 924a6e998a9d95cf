"""handbook audit: NC's plan is drafted at the initial meeting; an empty plan is on the worklist

003 "Setting Learning and Development Goals": "At least a rough draft of the plan should be
completed during the initial meeting". A new setting, `goals.plan_drafted_at_initial_meeting`,
puts a pair whose initial meeting was held while its plan holds no entry on the coordinator's
worklist. Stored policies (programs' versions and mentorships' snapshots) get it as false,
which keeps what they did: a running mentorship never changes the rules it started under.
Programs created from the NC preset from now on ask for the draft.

Revision ID: handbook0014
Revises: handbook0013
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0014"
down_revision: str | Sequence[str] | None = "handbook0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "plan_drafted_at_initial_meeting"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{goals,{_SETTING}}}', 'false'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it."""
    return f"({policy}) #- '{{goals,{_SETTING}}}'"


def _rewrite(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    _rewrite(upgraded("policy"), f"NOT (policy -> 'goals') ? '{_SETTING}'")


def downgrade() -> None:
    _rewrite(downgraded("policy"), f"(policy -> 'goals') ? '{_SETTING}'")
