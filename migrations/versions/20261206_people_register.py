"""people and pairing (issue 22): the standing mentor register, kept across cohorts, and
conflicts of interest a coordinator records, the selection committee's recommendations

Revision ID: people0001
Revises: year0001
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.adapters.db import rls

revision: str = "people0001"
down_revision: str | Sequence[str] | None = "year0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("mentor_register", "conflicts_of_interest", "committee_recommendations")


# Settings this revision adds to every stored policy (programs' versions and mentorships'
# snapshots), at the values that keep what those policies did before: the whole chain, no
# override, no cap across programs, no register, no priority.
_TABLES = ("program_policies", "mentorships")
_ADDED = (
    ("matching", "supervisory_line", "whole_chain"),
    ("matching", "supervisor_override_allowed", False),
    ("matching", "max_open_pairs_across_programs", None),
    ("matching", "volunteers_from_register", False),
    ("checkpoint", "next_cohort_priority", False),
)


def _stored_policies(add: bool) -> None:
    op.execute("SELECT set_config('app.is_admin', 'on', true)")  # every organisation's
    for table in _TABLES:
        for section, setting, value in _ADDED:
            if add:
                op.execute(
                    f"UPDATE {table} SET policy = jsonb_set(policy, '{{{section},{setting}}}', "
                    f"'{json.dumps(value)}'::jsonb) "
                    f"WHERE policy ? '{section}' AND NOT (policy -> '{section}') ? '{setting}'"
                )
            else:
                op.execute(f"UPDATE {table} SET policy = policy #- '{{{section},{setting}}}'")


def upgrade() -> None:
    _stored_policies(add=True)
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
    op.create_table(
        "conflicts_of_interest",
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cohort_id", sa.UUID(), nullable=False),
        sa.Column("employee_id", sa.UUID(), nullable=False),
        sa.Column("other_employee_id", sa.UUID(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column(
            "recorded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_conflicts_of_interest_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id", "cohort_id"],
            ["cohorts.organization_id", "cohorts.id"],
            name="fk_conflicts_of_interest_cohort",
        ),
        sa.PrimaryKeyConstraint("organization_id", "id", name=op.f("pk_conflicts_of_interest")),
    )
    op.create_index(
        "ix_conflicts_of_interest_organization_id_cohort_id",
        "conflicts_of_interest",
        ["organization_id", "cohort_id"],
        unique=False,
    )
    op.create_table(
        "committee_recommendations",
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.Column("cohort_id", sa.UUID(), nullable=False),
        sa.Column("mentee_id", sa.UUID(), nullable=False),
        sa.Column("mentor_id", sa.UUID(), nullable=False),
        sa.Column("note", sa.Text(), server_default=sa.text("''"), nullable=False),
        sa.Column("recommended_by", sa.Text(), nullable=False),
        sa.Column(
            "recommended_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_committee_recommendations_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id", "cohort_id"],
            ["cohorts.organization_id", "cohorts.id"],
            name="fk_committee_recommendations_cohort",
        ),
        sa.PrimaryKeyConstraint(
            "organization_id", "cohort_id", "mentee_id", name=op.f("pk_committee_recommendations")
        ),
    )
    for table in TABLES:
        for statement in rls.tenant_isolation(table):
            op.execute(statement)


def downgrade() -> None:
    _stored_policies(add=False)
    for table in TABLES:
        for statement in rls.drop_tenant_isolation(table):
            op.execute(statement)
    op.drop_index(
        "ix_conflicts_of_interest_organization_id_cohort_id", table_name="conflicts_of_interest"
    )
    op.drop_table("committee_recommendations")
    op.drop_table("conflicts_of_interest")
    op.drop_table("mentor_register")
