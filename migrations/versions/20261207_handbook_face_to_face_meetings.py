"""handbook audit: NC counts face-to-face meetings; email and phone check-ins are no meetings

003 "Creating a Meeting Schedule": "At least one face-to-face [in-person or virtual] meeting is
recommended per month with periodic email and/or phone check-ins as needed"; "Expectations":
"meet one-on-one with the mentee at least ___ times per month". A meeting now records how it was
held (`meetings.mode`: in_person, virtual, phone or email; NULL: not stated, as every meeting
logged before), and a new setting, `cadence.face_to_face_meetings_only`, counts only the face-
to-face ones towards the meetings a month. Stored policies (programs' versions and mentorships'
snapshots) get it as false, which keeps what they did; stored meetings state no mode and count
as they always did.

Revision ID: handbook0007
Revises: handbook0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "handbook0007"
down_revision: str | Sequence[str] | None = "handbook0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_SETTING = "face_to_face_meetings_only"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    return f"jsonb_set({policy}, '{{cadence,{_SETTING}}}', 'false'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it."""
    return f"({policy}) #- '{{cadence,{_SETTING}}}'"


def _rewrite(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    op.add_column("meetings", sa.Column("mode", sa.Text(), nullable=True))
    op.create_check_constraint(
        op.f("ck_meetings_meeting_mode"),
        "meetings",
        "mode IN ('in_person', 'virtual', 'phone', 'email')",
    )
    _rewrite(upgraded("policy"), f"NOT (policy -> 'cadence') ? '{_SETTING}'")


def downgrade() -> None:
    _rewrite(downgraded("policy"), f"(policy -> 'cadence') ? '{_SETTING}'")
    op.drop_constraint(op.f("ck_meetings_meeting_mode"), "meetings", type_="check")
    op.drop_column("meetings", "mode")
