"""the standing mentor register: volunteers kept across cohorts (issue 22)

Revision ID: people0001
Revises: a4b1c0de0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.adapters.db import rls

revision: str = "people0001"
down_revision: str | Sequence[str] | None = "a4b1c0de0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mentor_register",
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("employee_id", sa.UUID(), nullable=False),
        sa.Column("division", sa.Text(), nullable=True),
        sa.Column(
            "expertise", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False
        ),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("availability", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_mentor_register_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id", "employee_id"],
            ["employees.organization_id", "employees.id"],
            name="fk_mentor_register_employee",
        ),
        sa.PrimaryKeyConstraint("organization_id", "employee_id", name=op.f("pk_mentor_register")),
    )
    for statement in rls.tenant_isolation("mentor_register"):
        op.execute(statement)


def downgrade() -> None:
    for statement in rls.drop_tenant_isolation("mentor_register"):
        op.execute(statement)
    op.drop_table("mentor_register")
