"""programs cohorts applications matching mentorships

Revision ID: a4b1c0de0004
Revises: c5de8d717f73
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.adapters.db import rls

revision: str = "a4b1c0de0004"
down_revision: str | Sequence[str] | None = "c5de8d717f73"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "programs",
    "program_policies",
    "cohorts",
    "cohort_events",
    "applications",
    "match_locks",
    "matching_runs",
    "mentorships",
)


def _org(table: str) -> list[Any]:
    return [
        sa.Column("organization_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f(f"fk_{table}_organization_id_organizations"),
        ),
    ]


def _created_at() -> sa.Column:
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def _refers(table: str, column: str, name: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["organization_id", column], [f"{table}.organization_id", f"{table}.id"], name=name
    )


def _pk(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("organization_id", *columns, name=op.f(f"pk_{table}"))


def _index(table: str, column: str) -> None:
    op.create_index(
        f"ix_{table}_organization_id_{column}", table, ["organization_id", column], unique=False
    )


def _programs() -> None:
    op.create_table(
        "programs",
        *_org("programs"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("preset", sa.Text(), nullable=False),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        _created_at(),
        _pk("programs", "id"),
    )
    op.create_table(
        "program_policies",
        *_org("program_policies"),
        sa.Column("program_id", sa.UUID(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("policy", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        _created_at(),
        _pk("program_policies", "program_id", "version"),
        _refers("programs", "program_id", "fk_program_policies_program"),
    )


def _cohorts() -> None:
    op.create_table(
        "cohorts",
        *_org("cohorts"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("program_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("applications_close_on", sa.Date(), nullable=True),
        _created_at(),
        _pk("cohorts", "id"),
        _refers("programs", "program_id", "fk_cohorts_program"),
    )
    _index("cohorts", "program_id")
    op.create_table(
        "cohort_events",
        *_org("cohort_events"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cohort_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column(
            "attendees", postgresql.ARRAY(sa.UUID()), server_default=sa.text("'{}'"), nullable=False
        ),
        _created_at(),
        _pk("cohort_events", "id"),
        _refers("cohorts", "cohort_id", "fk_cohort_events_cohort"),
    )
    _index("cohort_events", "cohort_id")


def _applications() -> None:
    op.create_table(
        "applications",
        *_org("applications"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cohort_id", sa.UUID(), nullable=False),
        sa.Column("employee_id", sa.UUID(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column(
            "profile",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("supervisor_approval", sa.Text(), nullable=True),
        sa.Column(
            "overrides",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.Column("eligibility", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        _created_at(),
        sa.Column(
            "evaluated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        _pk("applications", "id"),
        sa.UniqueConstraint(
            "organization_id",
            "cohort_id",
            "employee_id",
            name=op.f("uq_applications_organization_id_cohort_id_employee_id"),
        ),
        _refers("cohorts", "cohort_id", "fk_applications_cohort"),
        _refers("employees", "employee_id", "fk_applications_employee"),
        sa.CheckConstraint("role IN ('mentee', 'mentor')", name=op.f("ck_applications_role")),
        sa.CheckConstraint("capacity >= 0", name=op.f("ck_applications_capacity_not_negative")),
    )
    _index("applications", "employee_id")


def _matching() -> None:
    op.create_table(
        "match_locks",
        *_org("match_locks"),
        sa.Column("cohort_id", sa.UUID(), nullable=False),
        sa.Column("mentee_id", sa.UUID(), nullable=False),
        sa.Column("mentor_id", sa.UUID(), nullable=False),
        sa.Column("locked_by", sa.Text(), nullable=False),
        _created_at(),
        _pk("match_locks", "cohort_id", "mentee_id"),
        _refers("cohorts", "cohort_id", "fk_match_locks_cohort"),
    )
    op.create_table(
        "matching_runs",
        *_org("matching_runs"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cohort_id", sa.UUID(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        sa.Column("result", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        _created_at(),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        _pk("matching_runs", "id"),
        _refers("cohorts", "cohort_id", "fk_matching_runs_cohort"),
        sa.CheckConstraint(
            "state IN ('computed', 'published')", name=op.f("ck_matching_runs_state")
        ),
    )
    _index("matching_runs", "cohort_id")


def _mentorships() -> None:
    op.create_table(
        "mentorships",
        *_org("mentorships"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cohort_id", sa.UUID(), nullable=False),
        sa.Column("mentee_id", sa.UUID(), nullable=False),
        sa.Column("mentor_id", sa.UUID(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("formed_by", sa.Text(), nullable=False),
        sa.Column("matching_run_id", sa.UUID(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("checkpoint_due_on", sa.Date(), nullable=True),
        sa.Column("policy_version", sa.Integer(), nullable=False),
        sa.Column("policy", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "explanation",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        _created_at(),
        _pk("mentorships", "id"),
        _refers("cohorts", "cohort_id", "fk_mentorships_cohort"),
        _refers("employees", "mentee_id", "fk_mentorships_mentee"),
        _refers("employees", "mentor_id", "fk_mentorships_mentor"),
        _refers("matching_runs", "matching_run_id", "fk_mentorships_matching_run"),
    )
    for column in ("mentee_id", "mentor_id", "cohort_id"):
        _index("mentorships", column)


def upgrade() -> None:
    _programs()
    _cohorts()
    _applications()
    _matching()
    _mentorships()
    for table in TABLES:
        for statement in rls.tenant_isolation(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
