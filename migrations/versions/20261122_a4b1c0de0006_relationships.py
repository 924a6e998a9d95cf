"""running a mentorship: agreements, goals, meetings, journal, checkups, checkpoint, disclosures, groups

Revision ID: a4b1c0de0006
Revises: a4b1c0de0005
"""

from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401
from sqlalchemy.dialects import postgresql  # noqa: F401

from app.adapters.db import rls  # noqa: F401

revision: str = "a4b1c0de0006"
down_revision: str | Sequence[str] | None = "a4b1c0de0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
