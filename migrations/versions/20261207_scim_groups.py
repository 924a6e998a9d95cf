"""SCIM groups: the identity provider's role groups of provisioned people

Revision ID: scim0001
Revises: contract0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db import rls

revision: str = "scim0001"
down_revision: str | Sequence[str] | None = "contract0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scim_groups",
        sa.Column(
            "organization_id",
            pg.UUID(as_uuid=True),
            sa.ForeignKey("organizations.id"),
            nullable=False,
        ),
        sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("external_id", sa.Text, nullable=True),
        sa.Column("member_ids", pg.ARRAY(pg.UUID(as_uuid=True)), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.PrimaryKeyConstraint("organization_id", "id", name=op.f("pk_scim_groups")),
        sa.UniqueConstraint("organization_id", "display_name", name="uq_scim_groups_display_name"),
    )
    for statement in rls.tenant_isolation("scim_groups"):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("scim_groups")
