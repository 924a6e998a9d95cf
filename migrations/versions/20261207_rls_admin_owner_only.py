"""the admin flag counts only for the schema owner's members, not any role but the app's

Revision ID: rlsadmin0001
Revises: import0001
"""

from collections.abc import Sequence

from alembic import op

from app.adapters.db import rls

revision: str = "rlsadmin0001"
down_revision: str | Sequence[str] | None = "import0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Replaced in place: every policy calls the function by name, so none is rewritten.
    op.execute(rls.ADMIN_FUNCTION)


def downgrade() -> None:
    op.execute(rls.POLICY_FUNCTIONS[1])
