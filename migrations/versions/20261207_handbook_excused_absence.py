"""handbook audit: a coordinator excuses a missed group session

000 "Group Learning": "Although Mentee participation is mandatory, Mentor attendance is usually
optional." A mentee who missed a session for a reason (illness, a council meeting) was on the
coordinator's worklist until the pair ended, unless recorded present, which falsified the
record. Each cohort event now keeps who was excused beside who attended (`excused`, empty for
every event recorded before, so nothing recorded so far changes). No policy setting is added.

Revision ID: handbook0013
Revises: handbook0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "handbook0013"
down_revision: str | Sequence[str] | None = "handbook0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "cohort_events",
        sa.Column("excused", pg.ARRAY(sa.UUID()), nullable=False, server_default=sa.text("'{}'")),
    )


def downgrade() -> None:
    op.drop_column("cohort_events", "excused")
