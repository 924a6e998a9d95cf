"""programs cohorts applications matching mentorships

Revision ID: a4b1c0de0004
Revises: c5de8d717f73
"""

from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401
from sqlalchemy.dialects import postgresql  # noqa: F401

from app.adapters.db import rls  # noqa: F401

revision: str = "a4b1c0de0004"
down_revision: str | Sequence[str] | None = "c5de8d717f73"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
