"""Tables of who takes part (issue 22): the organisation's standing mentor register."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db.tables import metadata, moment_column
from app.adapters.db.tables import organization_id_column as _org

_UUID = pg.UUID(as_uuid=True)

# People who volunteer to mentor, kept across cohorts (002: a list per district or division).
mentor_register = sa.Table(
    "mentor_register",
    metadata,
    _org(),
    sa.Column("employee_id", _UUID, nullable=False),
    sa.Column("division", sa.Text, nullable=True),
    sa.Column("expertise", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")),
    sa.Column("capacity", sa.Integer, nullable=False),
    sa.Column("availability", sa.Text, nullable=False, server_default=sa.text("''")),
    moment_column("created_at"),
    moment_column("updated_at"),
    sa.PrimaryKeyConstraint("organization_id", "employee_id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "employee_id"],
        ["employees.organization_id", "employees.id"],
        name="fk_mentor_register_employee",
    ),
)

PEOPLE_TABLES = ("mentor_register",)
