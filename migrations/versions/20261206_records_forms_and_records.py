"""records as the handbooks print them: answers by form item and version, and who evaluated

Each evaluation keeps its answers item by item with the version of the form they were given
under; a mentorship's progress keeps which side gave which evaluation, so completion can wait
for both sides where the program asks for both (Charlotte's mid-point and final).

Revision ID: records0001
Revises: a4b1c0de0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "records0001"
down_revision: str | Sequence[str] | None = "a4b1c0de0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "mentorship_progress",
        sa.Column(
            "evaluations_by", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")
        ),
    )
    op.add_column(
        "evaluations",
        sa.Column("answers", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    )
    op.add_column("evaluations", sa.Column("form_version", sa.Integer, nullable=True))


def downgrade() -> None:
    op.drop_column("evaluations", "form_version")
    op.drop_column("evaluations", "answers")
    op.drop_column("mentorship_progress", "evaluations_by")
