"""handbook audit: NC's needs assessment is due at the initial meeting, not before matching

003 "Expectations" (mentee): "Provide a completed Needs Assessment Form to the Mentor at the
start of the partnership"; "Initial Meeting": the mentor reviews "the Needs Assessment Form
that will be provided by the mentee during the meeting. The mentee can also provide this form
in advance of the meeting, if desired." A new setting, `onboarding.needs_assessment_by_initial_meeting`,
keeps a pair's initial meeting from being logged until the form is on file. Stored policies
(programs' versions and mentorships' snapshots) get it as false, which keeps what they did:
their eligibility rules stay as they are, and a running mentorship never changes the rules it
started under.

Revision ID: handbook0005
Revises: handbook0004
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0005"
down_revision: str | Sequence[str] | None = "handbook0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "needs_assessment_by_initial_meeting"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{onboarding,{_SETTING}}}', 'false'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it."""
    return f"({policy}) #- '{{onboarding,{_SETTING}}}'"


def _rewrite(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    _rewrite(upgraded("policy"), f"NOT (policy -> 'onboarding') ? '{_SETTING}'")


def downgrade() -> None:
    _rewrite(downgraded("policy"), f"(policy -> 'onboarding') ? '{_SETTING}'")
