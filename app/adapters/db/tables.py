"""The schema, as SQLAlchemy Core tables. Alembic autogenerates against this metadata.

Every tenant-owned table carries `organization_id`, leading its keys and indexes, so the
schema can later be distributed by organisation without a rewrite.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = sa.MetaData(naming_convention=NAMING)


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
    ]


organizations = sa.Table(
    "organizations",
    metadata,
    sa.Column("id", pg.UUID(as_uuid=True), primary_key=True),
    sa.Column("slug", sa.Text, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    *_timestamps(),
)

employees = sa.Table(
    "employees",
    metadata,
    sa.Column(
        "organization_id", pg.UUID(as_uuid=True), sa.ForeignKey("organizations.id"), nullable=False
    ),
    sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("employee_number", sa.Text, nullable=False),
    sa.Column("given_name", sa.Text, nullable=False),
    sa.Column("family_name", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=True),
    sa.Column("job_title", sa.Text, nullable=True),
    sa.Column("level", sa.Integer, nullable=False),
    sa.Column("department", sa.Text, nullable=False),
    sa.Column("unit", sa.Text, nullable=True),
    # The reference as HR sent it; `manager_id` is filled once that employee exists.
    sa.Column("manager_employee_number", sa.Text, nullable=True),
    sa.Column("manager_id", pg.UUID(as_uuid=True), nullable=True),
    sa.Column("hire_date", sa.Date, nullable=True),
    sa.Column("employment_status", sa.Text, nullable=False),
    sa.Column("in_good_standing", sa.Boolean, nullable=False),
    sa.Column("attributes", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    *_timestamps(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint("organization_id", "employee_number"),
    sa.ForeignKeyConstraint(
        ["organization_id", "manager_id"],
        ["employees.organization_id", "employees.id"],
        name="fk_employees_manager",
    ),
    sa.CheckConstraint(
        "employment_status IN ('active', 'leave', 'inactive')", name="employment_status"
    ),
    sa.CheckConstraint("level >= 0", name="level_not_negative"),
    sa.Index("ix_employees_organization_id_manager_id", "organization_id", "manager_id"),
)
