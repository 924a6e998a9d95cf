"""meetings indexed in the order of their dates, within each mentorship

A dashboard asks for each pair's latest meeting. With only (organization_id, mentorship_id)
indexed, that read sorted every meeting the pairs ever had, so it grew with their history
(5 ms for 20 pairs with about a hundred meetings each). With the dates in the index it is
one short index step per pair. The new index has the old one as its prefix and replaces it.

Revision ID: a4b1c0de0009
Revises: a4b1c0de0008
"""

from collections.abc import Sequence

from alembic import op

revision: str = "a4b1c0de0009"
down_revision: str | Sequence[str] | None = "a4b1c0de0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BY_DATE = "ix_meetings_organization_id_mentorship_id_held_on"
_BY_PAIR = "ix_meetings_organization_id_mentorship_id"


def upgrade() -> None:
    op.create_index(
        _BY_DATE, "meetings", ["organization_id", "mentorship_id", "held_on", "created_at", "id"]
    )
    op.drop_index(_BY_PAIR, table_name="meetings")


def downgrade() -> None:
    op.create_index(_BY_PAIR, "meetings", ["organization_id", "mentorship_id"])
    op.drop_index(_BY_DATE, table_name="meetings")
