"""handbook audit: where pairs form as people come, a cohort takes applications until it ends

002 "Shaping Successful Mentoring Programs": the volunteer list "should be readily available for
all employees to use when seeking out a mentor"; 003 "Program Manager/Coordinator": "Perform
participant screenings. Coordinate information sessions, mentor/mentee matching /
assignments". A Caltrans or NC employee may seek a mentor in any month of a cohort, so a new
setting, `onboarding.applications_close_at_start` (true for Charlotte and Maine, whose pairs
form before the term; false for the Caltrans and NC presets), decides whether a cohort without
a coordinator's close date stops taking applications at its start or at its end. Stored
policies (programs' versions and mentorships' snapshots) get it as true, which keeps what they
did: a running program closes its cohorts' applications at their start until its coordinator
changes the setting, and a running mentorship never changes the rules it started under.
Programs created from the Caltrans or NC preset from now on take applications until the end.

Revision ID: handbook0011
Revises: handbook0010
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0011"
down_revision: str | Sequence[str] | None = "handbook0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "applications_close_at_start"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{onboarding,{_SETTING}}}', 'true'::jsonb)"


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
