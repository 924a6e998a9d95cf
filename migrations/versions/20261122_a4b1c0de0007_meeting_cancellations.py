"""a cancelled meeting keeps its record: when it was cancelled and by whom

Revision ID: a4b1c0de0007
Revises: a4b1c0de0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a4b1c0de0007"
down_revision: str | Sequence[str] | None = "a4b1c0de0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("meetings", sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("meetings", sa.Column("cancelled_by", sa.UUID(), nullable=True))


def downgrade() -> None:
    op.drop_column("meetings", "cancelled_by")
    op.drop_column("meetings", "cancelled_at")
