"""Tables of the records issue 23 adds (on the shared metadata): the mentors who volunteer to
host a cohort's luncheons."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db.tables import metadata, moment_column
from app.adapters.db.tables import organization_id_column as _org

_UUID = pg.UUID(as_uuid=True)

# Charlotte (000 "Group Learning"): "four mentors will each volunteer to host".
luncheon_volunteers = sa.Table(
    "luncheon_volunteers",
    metadata,
    _org(),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("employee_id", _UUID, nullable=False),
    moment_column("created_at"),
    sa.PrimaryKeyConstraint("organization_id", "cohort_id", "employee_id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "cohort_id"],
        ["cohorts.organization_id", "cohorts.id"],
        name="fk_luncheon_volunteers_cohort",
    ),
    sa.ForeignKeyConstraint(
        ["organization_id", "employee_id"],
        ["employees.organization_id", "employees.id"],
        name="fk_luncheon_volunteers_employee",
    ),
)

RECORDS_TABLES = ("luncheon_volunteers",)
