"""records as the handbooks print them: answers by form item and version, and who evaluated

Each evaluation keeps its answers item by item with the version of the form they were given
under; a mentorship's progress keeps which side gave which evaluation, so completion can wait
for both sides where the program asks for both (Charlotte's mid-point and final).

Revision ID: records0001
Revises: people0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db import rls

revision: str = "records0001"
down_revision: str | Sequence[str] | None = "people0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _luncheon_volunteers() -> None:
    op.create_table(
        "luncheon_volunteers",
        sa.Column(
            "organization_id",
            pg.UUID(as_uuid=True),
            sa.ForeignKey("organizations.id"),
            nullable=False,
        ),
        sa.Column("cohort_id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("employee_id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
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


def _org_column() -> sa.Column[object]:
    return sa.Column(
        "organization_id", pg.UUID(as_uuid=True), sa.ForeignKey("organizations.id"), nullable=False
    )


def _of_mentorship(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["organization_id", "mentorship_id"],
        ["mentorships.organization_id", "mentorships.id"],
        name=f"fk_{table}_mentorship",
    )


def _created_at() -> sa.Column[object]:
    return sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    )


def _debriefs_and_reports() -> None:
    op.create_table(
        "debriefs",
        _org_column(),
        sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("mentorship_id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("party", sa.Text, nullable=False),
        sa.Column("participant_id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("recorded_by", pg.UUID(as_uuid=True), nullable=True),
        sa.Column("notes", sa.Text, nullable=True),
        _created_at(),
        sa.PrimaryKeyConstraint("organization_id", "id"),
        sa.UniqueConstraint("organization_id", "mentorship_id", "party", name="uq_debriefs_party"),
        _of_mentorship("debriefs"),
    )
    op.create_table(
        "progress_reports",
        _org_column(),
        sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("mentorship_id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("party", sa.Text, nullable=False),
        sa.Column("author_id", pg.UUID(as_uuid=True), nullable=False),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("submitted_on", sa.Date, nullable=False),
        sa.Column("on_track", sa.Boolean, nullable=False),
        sa.Column("assignments_done", sa.Integer, nullable=False),
        sa.Column("reflections", sa.Text, nullable=True),
        _created_at(),
        sa.PrimaryKeyConstraint("organization_id", "id"),
        sa.UniqueConstraint(
            "organization_id", "mentorship_id", "party", "month", name="uq_progress_reports_month"
        ),
        _of_mentorship("progress_reports"),
    )


_NEW_TABLES = ("luncheon_volunteers", "debriefs", "progress_reports")

# Policy snapshots stored before this revision lack its settings (and still name the checkup's
# items, now a form): they read as they ran, with each new setting off and no forms, so a
# running mentorship keeps the rules it started under (a Caltrans pair keeps its 1-5 scores).
_SNAPSHOTS = ("program_policies", "mentorships")


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` with this revision's settings."""
    return (
        f"{policy} || jsonb_build_object("
        f"'evaluations', (({policy})->'evaluations') - 'checkup_items' || "
        """'{"monthly": false, "compatibility_check": false, "forms": []}'::jsonb, """
        f"""'agreement', (({policy})->'agreement') || '{{"required_sections": []}}'::jsonb, """
        f"""'goals', (({policy})->'goals') || '{{"monthly_progress_reports": false}}'::jsonb, """
        f"""'ending', (({policy})->'ending') || '{{"coordinator_debriefs_each": false}}'::jsonb)"""
    )


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it (the checkup's items are not restored)."""
    return (
        f"{policy} || jsonb_build_object("
        f"'evaluations', (({policy})->'evaluations') - 'monthly' - 'compatibility_check' - 'forms'"
        """ || '{"checkup_items": []}'::jsonb, """
        f"'agreement', (({policy})->'agreement') - 'required_sections', "
        f"'goals', (({policy})->'goals') - 'monthly_progress_reports', "
        f"'ending', (({policy})->'ending') - 'coordinator_debriefs_each')"
    )


def _rewrite_snapshots(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _SNAPSHOTS:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    _luncheon_volunteers()
    _debriefs_and_reports()
    _rewrite_snapshots(upgraded("policy"), "policy->'evaluations'->'forms' IS NULL")
    for table in _NEW_TABLES:
        for statement in rls.tenant_isolation(table):
            op.execute(statement)
    op.add_column(
        "mentorship_progress",
        sa.Column(
            "evaluations_by", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")
        ),
    )
    op.add_column(
        "evaluations",
        sa.Column("answers", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    )
    op.add_column("evaluations", sa.Column("form_version", sa.Integer, nullable=True))
    op.add_column("goals", sa.Column("smart", pg.JSONB, nullable=True))
    op.add_column(
        "disclosures",
        sa.Column("consent", sa.Text, nullable=False, server_default=sa.text("'not_needed'")),
    )
    op.add_column(
        "disclosures", sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column(
        "disclosures",
        sa.Column(
            "meeting_ids",
            pg.ARRAY(pg.UUID(as_uuid=True)),
            nullable=False,
            server_default=sa.text("'{}'"),
        ),
    )


def downgrade() -> None:
    _rewrite_snapshots(downgraded("policy"), "policy->'evaluations'->'forms' IS NOT NULL")
    for table in reversed(_NEW_TABLES):
        op.drop_table(table)
    op.drop_column("disclosures", "meeting_ids")
    op.drop_column("disclosures", "acknowledged_at")
    op.drop_column("disclosures", "consent")
    op.drop_column("goals", "smart")
    op.drop_column("evaluations", "form_version")
    op.drop_column("evaluations", "answers")
    op.drop_column("mentorship_progress", "evaluations_by")
