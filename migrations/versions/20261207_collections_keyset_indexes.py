"""indexes in the keyset order of the lists that page through a parent's children

`GET /v1/programs/{id}/cohorts` and `GET /v1/cohorts/{id}/matching-runs` page in id order,
and `GET /v1/cohorts/{id}/applications` in the order applications came (created_at, id). With
the order in the index, each page is one index range scan that starts at the previous page's
last key, however deep the page; without it, every page sorted the parent's children first.
The cohort and run indexes have the old ones as their prefix and replace them.

Revision ID: collections0001
Revises: handbook0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "collections0001"
down_revision: str | Sequence[str] | None = "handbook0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, old index or None, new index, new columns)
_INDEXES = (
    (
        "cohorts",
        "ix_cohorts_organization_id_program_id",
        "ix_cohorts_organization_id_program_id_id",
        ["organization_id", "program_id", "id"],
    ),
    (
        "matching_runs",
        "ix_matching_runs_organization_id_cohort_id",
        "ix_matching_runs_organization_id_cohort_id_id",
        ["organization_id", "cohort_id", "id"],
    ),
    (
        "applications",
        None,
        "ix_applications_organization_id_cohort_id_created_at",
        ["organization_id", "cohort_id", "created_at", "id"],
    ),
)


def upgrade() -> None:
    for table, old, new, columns in _INDEXES:
        op.create_index(new, table, columns)
        if old is not None:
            op.drop_index(old, table_name=table)


def downgrade() -> None:
    for table, old, new, columns in _INDEXES:
        if old is not None:
            op.create_index(old, table, columns[:-1])
        op.drop_index(new, table_name=table)
