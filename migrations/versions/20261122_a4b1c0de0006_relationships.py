"""running a mentorship: agreements, goals, meetings, journal, checkups, disclosures

Revision ID: a4b1c0de0006
Revises: a4b1c0de0005
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.adapters.db import rls

revision: str = "a4b1c0de0006"
down_revision: str | Sequence[str] | None = "a4b1c0de0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "mentorship_progress",
    "agreements",
    "agreement_signatures",
    "meetings",
    "journal_entries",
    "goals",
    "evaluations",
    "disclosures",
    "deadline_notices",
    "luncheon_groups",
    "calendar_feeds",
)
_JSONB = postgresql.JSONB(astext_type=sa.Text())
_TEXTS = postgresql.ARRAY(sa.Text())


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


def _of_mentorship(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["organization_id", "mentorship_id"],
        ["mentorships.organization_id", "mentorships.id"],
        name=f"fk_{table}_mentorship",
    )


def _pk(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("organization_id", *columns, name=op.f(f"pk_{table}"))


def _index(table: str) -> None:
    op.create_index(
        f"ix_{table}_organization_id_mentorship_id",
        table,
        ["organization_id", "mentorship_id"],
        unique=False,
    )


def _texts(name: str) -> sa.Column:
    return sa.Column(name, _TEXTS, server_default=sa.text("'{}'"), nullable=False)


def _progress() -> None:
    op.create_table(
        "mentorship_progress",
        *_org("mentorship_progress"),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _texts("confirmed_by"),
        _texts("agreement_signed_by"),
        _texts("evaluations_done"),
        sa.Column(
            "checkpoint_answers", _JSONB, server_default=sa.text("'[]'::jsonb"), nullable=False
        ),
        sa.Column("checkpoint_outcome", sa.Text(), nullable=True),
        sa.Column("rematch_proposal", _JSONB, nullable=True),
        sa.Column("successor_id", sa.UUID(), nullable=True),
        sa.Column("activated_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_by", sa.Text(), nullable=True),
        sa.Column(
            "eligible_for_next_cohort", sa.Boolean(), server_default=sa.false(), nullable=False
        ),
        sa.Column("outcomes", _JSONB, nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        _pk("mentorship_progress", "mentorship_id"),
        _of_mentorship("mentorship_progress"),
    )


def _agreements() -> None:
    op.create_table(
        "agreements",
        *_org("agreements"),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("terms", _JSONB, nullable=False),
        sa.Column("written_by", sa.UUID(), nullable=False),
        _created_at(),
        _pk("agreements", "mentorship_id", "version"),
        _of_mentorship("agreements"),
    )
    op.create_table(
        "agreement_signatures",
        *_org("agreement_signatures"),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("signed_by", sa.UUID(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        _pk("agreement_signatures", "mentorship_id", "version", "party"),
        sa.ForeignKeyConstraint(
            ["organization_id", "mentorship_id", "version"],
            ["agreements.organization_id", "agreements.mentorship_id", "agreements.version"],
            name="fk_agreement_signatures_agreement",
        ),
    )


def _meetings_and_journal() -> None:
    op.create_table(
        "meetings",
        *_org("meetings"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        _texts("topics"),
        sa.Column("goal_id", sa.UUID(), nullable=True),
        sa.Column("competency", sa.Text(), nullable=True),
        sa.Column("observations", sa.Text(), nullable=True),
        sa.Column("follow_ups", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("logged_by", sa.UUID(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), server_default=sa.false(), nullable=False),
        _created_at(),
        _pk("meetings", "id"),
        _of_mentorship("meetings"),
        sa.CheckConstraint("hours >= 0 AND hours <= 24", name=op.f("ck_meetings_hours_in_a_day")),
    )
    _index("meetings")
    op.create_table(
        "journal_entries",
        *_org("journal_entries"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("author_id", sa.UUID(), nullable=False),
        sa.Column("entry_on", sa.Date(), nullable=False),
        sa.Column("entry", _JSONB, nullable=False),
        _created_at(),
        _pk("journal_entries", "id"),
        _of_mentorship("journal_entries"),
    )
    _index("journal_entries")


def _goals_and_evaluations() -> None:
    op.create_table(
        "goals",
        *_org("goals"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("parent_id", sa.UUID(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("progress", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("comments", _JSONB, server_default=sa.text("'[]'::jsonb"), nullable=False),
        _created_at(),
        _pk("goals", "id"),
        _of_mentorship("goals"),
        sa.CheckConstraint(
            "progress >= 0 AND progress <= 100", name=op.f("ck_goals_progress_percent")
        ),
    )
    _index("goals")
    op.create_table(
        "evaluations",
        *_org("evaluations"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("respondent_id", sa.UUID(), nullable=False),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("scores", _JSONB, nullable=False),
        sa.Column("free_text", sa.Text(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        _created_at(),
        _pk("evaluations", "id"),
        _of_mentorship("evaluations"),
    )
    _index("evaluations")


def _disclosures_and_notices() -> None:
    op.create_table(
        "disclosures",
        *_org("disclosures"),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("by_id", sa.UUID(), nullable=False),
        sa.Column("by_party", sa.Text(), nullable=False),
        sa.Column("recipients", _JSONB, nullable=False),
        sa.Column("about_id", sa.UUID(), nullable=False),
        _texts("parts"),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("protege_consent", sa.Boolean(), nullable=False),
        sa.Column("protege_informed", sa.Boolean(), nullable=False),
        _created_at(),
        _pk("disclosures", "id"),
        _of_mentorship("disclosures"),
    )
    _index("disclosures")
    op.create_table(
        "deadline_notices",
        *_org("deadline_notices"),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        _created_at(),
        _pk("deadline_notices", "mentorship_id", "kind", "due_on"),
        _of_mentorship("deadline_notices"),
    )


def _luncheon_groups() -> None:
    op.create_table(
        "luncheon_groups",
        *_org("luncheon_groups"),
        sa.Column("cohort_id", sa.UUID(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("mentee_ids", postgresql.ARRAY(sa.UUID()), nullable=False),
        sa.Column("host_ids", postgresql.ARRAY(sa.UUID()), nullable=False),
        _created_at(),
        _pk("luncheon_groups", "cohort_id", "number"),
        sa.ForeignKeyConstraint(
            ["organization_id", "cohort_id"],
            ["cohorts.organization_id", "cohorts.id"],
            name="fk_luncheon_groups_cohort",
        ),
    )


def _calendar_feeds() -> None:
    op.create_table(
        "calendar_feeds",
        *_org("calendar_feeds"),
        sa.Column("employee_id", sa.UUID(), nullable=False),
        sa.Column("secret_hash", postgresql.BYTEA(), nullable=False),
        _created_at(),
        _pk("calendar_feeds", "employee_id"),
        sa.UniqueConstraint(
            "organization_id",
            "secret_hash",
            name=op.f("uq_calendar_feeds_organization_id_secret_hash"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id", "employee_id"],
            ["employees.organization_id", "employees.id"],
            name="fk_calendar_feeds_employee",
        ),
    )


def upgrade() -> None:
    _progress()
    _agreements()
    _meetings_and_journal()
    _goals_and_evaluations()
    _disclosures_and_notices()
    _luncheon_groups()
    _calendar_feeds()
    for table in TABLES:
        for statement in rls.tenant_isolation(table):
            op.execute(statement)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
